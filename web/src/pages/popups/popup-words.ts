import type { PopupSettings } from '../../api/popups';

/** How a pop-up looks, in a few words: "Modal", "Slide-in, bottom right", "Bar at the top". */
export function layoutWords(layout: PopupSettings['layout']): string {
  if (layout.type === 'modal') return 'Modal';
  if (layout.type === 'slide_in') return `Slide-in, bottom ${layout.side}`;
  return `Bar at the ${layout.edge}`;
}

/** When it opens: "After 10 s on the page", "At 50 % scrolled", "When leaving (desktop)", "On a click on .cta". */
export function triggerWords(trigger: PopupSettings['trigger']): string {
  switch (trigger.type) {
    case 'time':
      return trigger.seconds === 0 ? 'As the page opens' : `After ${trigger.seconds} s on the page`;
    case 'scroll':
      return `At ${trigger.percent} % scrolled`;
    case 'exit_intent':
      return 'When leaving the page (desktop)';
    case 'click':
      return `On a click on ${trigger.selector}`;
  }
}
