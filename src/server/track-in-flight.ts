/** A delivery whose handlers have not finished yet. */
export interface InFlightDelivery {
  id: string;
  event: string;
  payload: unknown;
}

/** The deliveries being handled now, so that a shutdown can wait for them. */
export interface InFlight {
  /** False once the App is stopping: new deliveries are refused. */
  readonly accepting: boolean;
  readonly size: number;
  /** Records a delivery; call the returned function when its handlers are done (whatever the outcome). */
  add(delivery: InFlightDelivery): () => void;
  /** Stops accepting, then resolves once every delivery is done ([]), or with those still running after `timeoutMs`. */
  drain(timeoutMs: number): Promise<InFlightDelivery[]>;
}

export function createInFlight(): InFlight {
  const running = new Set<InFlightDelivery>();
  const idle = new Set<() => void>();
  let accepting = true;
  return {
    get accepting() {
      return accepting;
    },
    get size() {
      return running.size;
    },
    add(delivery) {
      const entry = { ...delivery };
      running.add(entry);
      return () => {
        running.delete(entry);
        if (!running.size) for (const wake of idle) wake();
      };
    },
    drain(timeoutMs) {
      accepting = false;
      if (!running.size) return Promise.resolve([]);
      return new Promise((resolve) => {
        const finish = () => {
          clearTimeout(timer);
          idle.delete(finish);
          resolve([...running]);
        };
        const timer = setTimeout(finish, timeoutMs);
        idle.add(finish);
      });
    },
  };
}
