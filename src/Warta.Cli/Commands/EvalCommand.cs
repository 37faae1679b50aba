using System.CommandLine;

namespace Warta.Cli.Commands;

/// <summary><c>warta eval …</c>: scores Warta against labeled data; each subcommand lives in its own file.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var eval = new Command("eval", "Score Warta against labeled data (see ../shared/data/README.md)");
        eval.Subcommands.Add(EvalMetadataCommand.Create());
        eval.Subcommands.Add(EvalStemmingCommand.Create());
        eval.Subcommands.Add(EvalClusteringCommand.Create());
        eval.Subcommands.Add(EvalNerCommand.Create());
        eval.Subcommands.Add(EvalTimexCommand.Create());
        eval.Subcommands.Add(EvalSearchCommand.Create());
        eval.Subcommands.Add(EvalQuotesCommand.Create());
        eval.Subcommands.Add(EvalBriefsCommand.Create());
        return eval;
    }
}
