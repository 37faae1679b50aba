using System.Globalization;
using BenchmarkDotNet.Running;
using Warta.Benchmarks.Stories;

if (args is ["story-view-cpu", ..])
{
    StoryViewUpdateCpuTime.Run(Console.Out, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
