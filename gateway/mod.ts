/** The gateway's public face (DESIGN.md §10): start one, get its port, close it. */
export { startGateway } from './app.ts';
export type { Gateway, GatewayOptions } from './app.ts';
export { WS_PATH } from './ws/socket.ts';
export { WS_CLOSE_SLOW_CONSUMER } from './ws/session.ts';
export { priceFrame } from './ws/hub.ts';
