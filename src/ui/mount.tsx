import { createRoot, type Root } from 'react-dom/client';
import { ClientBasePanel, type ClientBasePanelProps } from './App';

/** Render the panel into `element`; returns the root, whose `unmount()` removes it again. */
export function mountPanel(element: Element, props: ClientBasePanelProps): Root {
  const root = createRoot(element);
  root.render(<ClientBasePanel {...props} />);
  return root;
}
