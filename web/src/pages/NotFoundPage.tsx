import { Button } from '@mantine/core';
import { IconMapPinOff } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { StatusMessage } from '../components/StatusMessage';

/** 404: inside the shell it links to the workspace home, outside it to the start. */
export function NotFoundPage({ fullPage }: { fullPage?: boolean }) {
  const { slug } = useParams();
  const home = slug && !fullPage ? `/w/${slug}` : '/';
  return (
    <StatusMessage
      fullPage={fullPage}
      icon={<IconMapPinOff size={28} />}
      title="Page not found"
      description="This address does not lead anywhere in Inflow. It may have moved, or the link has a typo."
      actions={
        <Button component={Link} to={home}>
          Back to home
        </Button>
      }
    />
  );
}
