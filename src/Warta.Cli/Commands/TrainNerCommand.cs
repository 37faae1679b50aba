using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Warta.Core.Entities;

namespace Warta.Cli.Commands;

/// <summary><c>warta train ner</c>: retrains the shipped NER model from the train splits of the MIT-licensed sets.</summary>
internal static class TrainNerCommand
{
    /// <summary>Sets a shipped model may learn from (MIT licence); IndoLEM sets are evaluation only.</summary>
    private static readonly string[] TrainableSets = ["nergrit", "nerp", "idner-news-2k"];

    public static Command Create()
    {
        var data = new Option<string>("--data")
        {
            Description = "Folder holding nergrit/, nerp/, idner-news-2k/",
            DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "ner"),
        };
        var output = new Option<string>("--out")
        {
            Description = "Where to write the model",
            DefaultValueFactory = _ => Path.Combine("src", "Warta.Core", "Entities", "Model", "ner-id.bin"),
        };
        var epochs = new Option<int>("--epochs") { Description = "Perceptron epochs", DefaultValueFactory = _ => new EntityTaggerTrainer().Epochs };
        var seed = new Option<int>("--seed") { Description = "Shuffling seed", DefaultValueFactory = _ => new EntityTaggerTrainer().Seed };
        var bucketBits = new Option<int>("--bucket-bits")
        {
            Description = "Log2 of the number of hashed feature buckets",
            DefaultValueFactory = _ => EntityTaggerTrainer.DefaultBucketBits,
        };
        var sets = new Option<string>("--sets")
        {
            Description = "Comma-separated training sets (subset of nergrit,nerp,idner-news-2k)",
            DefaultValueFactory = _ => string.Join(',', TrainableSets),
        };
        var truecase = new Option<bool>("--truecase")
        {
            Description = "Restore capitalisation of lower-cased corpora (NERP) before training (measured worse; off by default)",
        };
        var command = new Command("ner", "Train the named-entity tagger on the train splits of NERGrit, NERP and IDNER-news-2k (MIT)")
        {
            data, output, epochs, seed, sets, truecase, bucketBits,
        };
        command.SetAction(parseResult =>
        {
            var root = parseResult.GetValue(data)!;
            var chosen = parseResult.GetValue(sets)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var refused = chosen.Where(s => !TrainableSets.Contains(s, StringComparer.Ordinal)).ToList();
            if (refused.Count > 0)
            {
                Console.Error.WriteLine($"not trainable (licence or unknown): {string.Join(", ", refused)}");
                return 2;
            }
            if (!Directory.Exists(root))
            {
                Console.Error.WriteLine($"data folder {root} not found; pass --data");
                return 2;
            }
            var held = HeldOutSentences(root);
            var perSet = new List<(string Set, IReadOnlyList<NerSentence> Sentences)>();
            foreach (var set in chosen)
            {
                var setFolder = Path.Combine(root, set);
                var file = !Directory.Exists(setFolder) ? null : Directory.EnumerateFiles(setFolder, "train.*").Order(StringComparer.Ordinal).FirstOrDefault();
                if (file is null)
                {
                    Console.Error.WriteLine($"no train split in {Path.Combine(root, set)}");
                    return 2;
                }
                using var reader = File.OpenText(file);
                var read = NerDatasetReader.Read(reader);
                var kept = read.Where(s => !held.Contains(Key(s))).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{set}: {kept.Count} sentences ({read.Count - kept.Count} dropped: also in a dev/valid split)"));
                perSet.Add((set, kept));
            }
            var truecaser = new NerTruecaser(perSet.Where(p => !NerTruecaser.IsLowerCased(p.Sentences)).SelectMany(p => p.Sentences));
            var sentences = new List<NerSentence>();
            foreach (var (set, kept) in perSet)
            {
                if (NerTruecaser.IsLowerCased(kept) && parseResult.GetValue(truecase))
                {
                    Console.WriteLine($"{set}: lower-cased corpus, capitalisation restored from the cased sets");
                    sentences.AddRange(kept.Select(truecaser.Truecase));
                }
                else sentences.AddRange(kept);
            }
            var trainer = new EntityTaggerTrainer
            {
                Epochs = parseResult.GetValue(epochs),
                Seed = parseResult.GetValue(seed),
                BucketBits = parseResult.GetValue(bucketBits),
            };
            var description = string.Create(CultureInfo.InvariantCulture,
                $"train splits of {string.Join(", ", chosen)}; {sentences.Count} sentences; {trainer.Epochs} epochs; seed {trainer.Seed}; 2^{trainer.BucketBits} buckets");
            var watch = Stopwatch.StartNew();
            var tagger = trainer.Train(sentences, description, (epoch, accuracy) =>
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: train token accuracy {accuracy:P2} ({watch.Elapsed.TotalSeconds:F0} s)")));
            var path = parseResult.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using (var stream = File.Create(path)) tagger.Save(stream);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:F2} MB) in {watch.Elapsed.TotalSeconds:F0} s"));
            return 0;
        });
        return command;
    }

    /// <summary>Token sequences of every dev/valid split under the data folder, so no training sentence repeats one.</summary>
    private static HashSet<string> HeldOutSentences(string root)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(root)) return held;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name is not ("dev" or "valid")) continue;
            using var reader = File.OpenText(file);
            foreach (var sentence in NerDatasetReader.Read(reader)) held.Add(Key(sentence));
        }
        return held;
    }

    private static string Key(NerSentence sentence) => string.Join(' ', sentence.Tokens).ToLowerInvariant();
}
