using Warta.Cli;

return BatchCollector.TryRunInChild(args) ?? WartaCommandLine.Run(args, Console.Out, Console.Error, handleTermination: true);
