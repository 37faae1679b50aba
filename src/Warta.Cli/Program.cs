using System.CommandLine;
using Warta.Cli;
using Warta.Cli.Commands;

var root = new RootCommand("Warta: turns streams of news reports into tracked stories.") { GlobalOptions.Db };
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
return root.Parse(args).Invoke();
