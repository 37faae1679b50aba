using System.CommandLine;

namespace Warta.Cli.Commands;

/// <summary><c>warta train …</c>: retrains the models Warta ships; each subcommand lives in its own file.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var train = new Command("train", "Retrain the models Warta ships from labeled data (see ../shared/data/README.md)");
        train.Subcommands.Add(TrainNerCommand.Create());
        return train;
    }
}
