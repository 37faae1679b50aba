using Warta.Cli;

return WartaCommandLine.Run(args, Console.Out, Console.Error, handleTermination: true);
