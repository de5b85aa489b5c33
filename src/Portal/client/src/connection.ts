// The one SignalR connection of the page, started on first use and reconnected automatically.
import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";

type Listener = (state: "reconnecting" | "connected") => void;

let connection: HubConnection | null = null;
let starting: Promise<HubConnection> | null = null;
const listeners = new Set<Listener>();

export function onConnectionChange(listener: Listener): void {
  listeners.add(listener);
}

export function hub(): Promise<HubConnection> {
  if (connection?.state === HubConnectionState.Connected) return Promise.resolve(connection);
  starting ??= start().finally(() => (starting = null));
  return starting;
}

async function start(): Promise<HubConnection> {
  if (!connection) {
    connection = new HubConnectionBuilder()
      .withUrl("/hub")
      .withAutomaticReconnect([0, 500, 1000, 2000, 5000, 10000])
      .configureLogging(LogLevel.Warning)
      .build();
    connection.onreconnecting(() => listeners.forEach((l) => l("reconnecting")));
    connection.onreconnected(() => listeners.forEach((l) => l("connected")));
  }
  if (connection.state === HubConnectionState.Disconnected) await connection.start();
  return connection;
}
