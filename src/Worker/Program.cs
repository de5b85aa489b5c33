return ConcurrencyLab.Engine.Workers.WorkerMain.Run(args);
