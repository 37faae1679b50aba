using System.CommandLine;
using Warta.Core.Clustering;

namespace Warta.Cli.Commands;

/// <summary><c>--second-look on|off</c>: the placer's second look (<see cref="StoryClustererOptions.SplitMinMembers"/>) for one command, without a rebuild.</summary>
internal static class SecondLookOption
{
    public static Option<string?> Create()
    {
        var option = new Option<string?>("--second-look")
        {
            Description = "The placer's second look at grown stories (split in two when they hold two events): on (the default) or off",
        };
        option.AcceptOnlyFromAmong("on", "off");
        return option;
    }

    /// <summary><paramref name="options"/> with the look set as <paramref name="value"/> says; unchanged when it is not given.</summary>
    public static StoryClustererOptions Apply(StoryClustererOptions options, string? value) => value switch
    {
        "on" => options with { SplitMinMembers = StoryClustererOptions.MeasuredSplitMinMembers },
        "off" => options with { SplitMinMembers = 0 },
        _ => options,
    };
}
