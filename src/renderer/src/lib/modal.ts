// The one way a dialog of the app opens: `<dialog use:modal={onCancel}>` shows it modal as it appears (the page
// behind inert, focus on its first field or its autofocus button) and closes it as it goes. Esc calls onCancel
// instead of closing it behind the owner's back, so what is shown always follows the owner's state.
import type { Action } from 'svelte/action';

export const modal: Action<HTMLDialogElement, () => void> = (dialog, onCancel) => {
  let cancel = onCancel;
  const onCancelEvent = (event: Event): void => {
    event.preventDefault();
    cancel();
  };
  dialog.addEventListener('cancel', onCancelEvent);
  dialog.showModal();
  return {
    update(next: () => void): void {
      cancel = next;
    },
    destroy(): void {
      dialog.removeEventListener('cancel', onCancelEvent);
      dialog.close();
    },
  };
};
