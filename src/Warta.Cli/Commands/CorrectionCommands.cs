using System.CommandLine;
using System.Globalization;
using Warta.Core.Stories.Corrections;
using Warta.Hosting;

namespace Warta.Cli.Commands;

/// <summary>The editors' corrections: <c>warta story merge FROM INTO</c>, <c>warta story split ID ARTICLE...</c>, <c>warta article move ARTICLE STORY</c>, each <c>--by NAME</c>.</summary>
/// <remarks>Each starts the placement host (it takes the store's write lock, as <c>ingest</c> does), makes the correction through <see cref="IStoryCorrections"/> and stops it.</remarks>
internal static class CorrectionCommands
{
    public static Command CreateMerge()
    {
        var from = new Argument<string>("from") { Description = "Story to merge away: id or unique prefix" };
        var into = new Argument<string>("into") { Description = "Story it joins: id or unique prefix" };
        var (by, lockTimeout) = CommonOptions();
        var command = new Command("merge", "Merge story FROM into story INTO; FROM's id then resolves to INTO, and the clusterer keeps them merged") { from, into, by, lockTimeout };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult, by, lockTimeout, (corrections, name) => corrections.MergeAsync(parseResult.GetValue(from)!, parseResult.GetValue(into)!, name, cancellationToken), cancellationToken));
        return command;
    }

    public static Command CreateSplit()
    {
        var story = new Argument<string>("id") { Description = "Story to split: id or unique prefix" };
        var articles = new Argument<string[]>("articles") { Description = "Articles (ids or unique prefixes) that go to a new story", Arity = ArgumentArity.OneOrMore };
        var (by, lockTimeout) = CommonOptions();
        var command = new Command("split", "Split the given articles off a story into a new story, which the clusterer never merges back") { story, articles, by, lockTimeout };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult, by, lockTimeout, (corrections, name) => corrections.SplitAsync(parseResult.GetValue(story)!, parseResult.GetValue(articles) ?? [], name, cancellationToken), cancellationToken));
        return command;
    }

    public static Command CreateMove()
    {
        var article = new Argument<string>("article") { Description = "Article to move: id or unique prefix" };
        var story = new Argument<string>("story") { Description = "Story it goes to: id or unique prefix" };
        var (by, lockTimeout) = CommonOptions();
        var command = new Command("move", "Move an article to another story; it stays there") { article, story, by, lockTimeout };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult, by, lockTimeout, (corrections, name) => corrections.MoveAsync(parseResult.GetValue(article)!, parseResult.GetValue(story)!, name, cancellationToken), cancellationToken));
        return command;
    }

    /// <summary>One line saying what a correction did.</summary>
    public static string Describe(StoryCorrection correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var what = correction.Kind switch
        {
            StoryCorrectionKind.Merge => $"merged story {correction.StoryId} into {correction.TargetStoryId}",
            StoryCorrectionKind.Split => $"split {string.Join(", ", correction.ArticleIds)} off story {correction.StoryId} into new story {correction.TargetStoryId}",
            _ => $"moved article {string.Join(", ", correction.ArticleIds)} from story {correction.StoryId} to {correction.TargetStoryId}",
        };
        return TerminalText.OneLine(string.Create(
            CultureInfo.InvariantCulture, $"{what} by {correction.By} at {correction.At:yyyy-MM-dd'T'HH:mm:ssK} (change {correction.Sequence})"));
    }

    private static (Option<string> By, Option<double> LockTimeout) CommonOptions() => (
        new Option<string>("--by")
        {
            Description = "Who makes the correction, as recorded (default: the operating system user)",
            DefaultValueFactory = static _ => Environment.UserName,
        },
        new Option<double>("--lock-timeout")
        {
            Description = "Seconds to wait while another process writes to the store, then give up with exit code 2",
            DefaultValueFactory = static _ => 30,
        });

    private static async Task<int> RunAsync(
        ParseResult parseResult, Option<string> by, Option<double> lockTimeout, Func<IStoryCorrections, string, Task<StoryCorrection>> correct, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var name = parseResult.GetValue(by);
        if (string.IsNullOrWhiteSpace(name))
        {
            error.WriteLine("warta: --by needs a name");
            return ExitCodes.Usage;
        }
        using var host = CliHost.CreateWithPlacement(parseResult, Math.Max(0, parseResult.GetValue(lockTimeout)));
        var placement = await host.TryStartPlacementAsync(error, cancellationToken);
        if (placement is null) return ExitCodes.Usage;
        try
        {
            var correction = await correct(placement, name.Trim());
            output.WriteLine(Describe(correction));
            return ExitCodes.Ok;
        }
        catch (StoryCorrectionException ex)
        {
            error.WriteLine($"warta: {TerminalText.OneLine(ex.Message)}; nothing changed");
            return ex.Error == StoryCorrectionError.NotFound ? ExitCodes.InputFailed : ExitCodes.Usage;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
