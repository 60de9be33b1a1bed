import { useLayout } from '../styles';
import { NewClientForm } from './NewClientForm';
import { OrderForm } from './OrderForm';
import { useChoices } from './useChoices';

/** Adding to the base: a new client (warned about duplicates as it is typed) and a new order. */
export function AddTab() {
  const layout = useLayout();
  const choices = useChoices();
  return (
    <div className={layout.stack}>
      <NewClientForm choices={choices} />
      <section className={layout.section}>
        <OrderForm services={choices.services} asOf={choices.asOf} />
      </section>
    </div>
  );
}
