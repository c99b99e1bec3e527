import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { dynamoOrderStore } from '../lib/adapters/dynamodb/order-store.js';
import { Currency } from '../lib/domain/orders/money.js';
import { RequestId } from '../lib/domain/request.js';
import { localDocumentClient } from '../local/local-table.js';
import { deliverPayment } from '../local/bank-payment.js';
import { runningStack } from '../local/running-stack.js';
import { businessNow } from '../local/workflow/control-client.js';

const usage = [
  'usage: npm run pay -- <request number> [amount, e.g. 23806.38] [CZK|EUR]',
  '  posts the bank’s payment of the request’s order to the payment webhook of the running local',
  '  stack, signed with its local secret, as the payment provider would: by default exactly the',
  '  order’s amount; another amount or currency is recorded and flagged, not taken as paid.',
].join('\n');

const Stack = z.object({ apiUrl: z.string(), workflowUrl: z.string(), dynamodbUrl: z.string(), tableName: z.string(), dataDir: z.string() });
const Amount = z.string().regex(/^\d+(\.\d{1,2})?$/).transform((text) => Math.round(Number(text) * 100));

const main = async () => {
  const [requestArg, amountArg, currencyArg] = process.argv.slice(2);
  const requestId = RequestId.safeParse(requestArg);
  const amount = amountArg === undefined ? undefined : Amount.safeParse(amountArg);
  const currency = currencyArg === undefined ? undefined : Currency.safeParse(currencyArg);
  if (!requestId.success || (amount && !amount.success) || (currency && !currency.success)) {
    console.error(usage);
    process.exit(2);
  }
  const stack = runningStack(Stack);
  const order = await dynamoOrderStore(localDocumentClient(stack.dynamodbUrl), () => stack.tableName).get(requestId.data);
  if (!order) {
    console.error(`orderdesk: request ${requestId.data} has no binding order (accept a priced offer first)`);
    process.exit(1);
  }
  // The stack's business time (it may have been moved forward), so the delivery is inside the replay window.
  const now = await businessNow(stack);
  const payment = {
    paymentId: `local-${randomUUID()}`,
    variableSymbol: order.variableSymbol,
    amount: amount?.data ?? order.totals.gross,
    currency: currency?.data ?? order.currency,
    paidAt: now.toISOString(),
    reference: 'npm run pay',
  };
  const answer = await deliverPayment(stack, payment, now);
  console.log(`${answer.status} ${JSON.stringify(answer.body)}`);
  if (answer.status !== 200) process.exit(1);
};

main().catch((error: unknown) => {
  console.error(`orderdesk: no payment: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
