using System.CommandLine;
using Warta.Cli;
using Warta.Cli.Commands;

var root = new RootCommand("Warta: turns streams of news reports into tracked stories.") { GlobalOptions.Db };
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(ArticlesCommand.Create());
root.Subcommands.Add(ArticleCommand.Create());
root.Subcommands.Add(StoriesCommand.Create());
root.Subcommands.Add(StoryCommand.Create());
root.Subcommands.Add(EntitiesCommand.Create());
root.Subcommands.Add(EntitiesCommand.CreateSingle());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(BenchStreamCommand.Create());
var parsed = root.Parse(args);
var exitCode = parsed.Invoke();
// A command line that does not parse is a usage error (2), not a failed input (System.CommandLine's default 1).
return parsed.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
