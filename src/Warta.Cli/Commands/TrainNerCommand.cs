using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Warta.Core.Entities;
using Warta.Evaluation.Entities;

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
        var domainEpochs = new Option<int>("--domain-epochs")
        {
            Description = "Perceptron epochs of each training set's own correction (with --domains)",
            DefaultValueFactory = _ => new EntityTaggerTrainer().DomainEpochs,
        };
        var domainFolds = new Option<int>("--domain-folds")
        {
            Description = "Jackknife folds for learning each set's correction (below 2: none)",
            DefaultValueFactory = _ => new EntityTaggerTrainer().DomainFolds,
        };
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
        var domains = new Option<bool>("--domains")
        {
            Description = "Also learn a correction per training set over the frozen shared weights (Daumé 2007 feature copies)",
            DefaultValueFactory = _ => true,
        };
        var defaultDomain = new Option<string>("--default-domain")
        {
            Description = "Domain the model tags with unless told otherwise (a training set, or 'shared' for the shared weights alone)",
            // Shared alone scored better on NER-UI (news, not a training set) than with the IDNER-news-2k correction.
            DefaultValueFactory = _ => "shared",
        };
        var command = new Command("ner", "Train the named-entity tagger on the train splits of NERGrit, NERP and IDNER-news-2k (MIT)")
        {
            data, output, epochs, domainEpochs, domainFolds, seed, sets, truecase, bucketBits, domains, defaultDomain,
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
            var training = new List<(string Domain, IReadOnlyList<NerSentence> Sentences)>();
            foreach (var (set, kept) in perSet)
            {
                if (NerTruecaser.IsLowerCased(kept) && parseResult.GetValue(truecase))
                {
                    Console.WriteLine($"{set}: lower-cased corpus, capitalisation restored from the cased sets");
                    training.Add((set, [.. kept.Select(truecaser.Truecase)]));
                }
                else training.Add((set, kept));
            }
            var useDomains = parseResult.GetValue(domains);
            var fallback = parseResult.GetValue(defaultDomain)!;
            string? tagDomain = !useDomains || fallback == "shared" ? null : fallback;
            if (tagDomain is not null && !chosen.Contains(tagDomain, StringComparer.Ordinal))
            {
                Console.Error.WriteLine($"--default-domain {tagDomain} is not among the training sets (or 'shared')");
                return 2;
            }
            var trainer = new EntityTaggerTrainer
            {
                Epochs = parseResult.GetValue(epochs),
                DomainEpochs = parseResult.GetValue(domainEpochs),
                DomainFolds = parseResult.GetValue(domainFolds),
                Seed = parseResult.GetValue(seed),
                BucketBits = parseResult.GetValue(bucketBits),
            };
            var domainNote = useDomains ? $"; per-set corrections ({trainer.DomainEpochs} epochs, {trainer.DomainFolds} folds), default {tagDomain ?? "shared"}" : "";
            var description = string.Create(CultureInfo.InvariantCulture,
                $"train splits of {string.Join(", ", chosen)}; {training.Sum(t => t.Sentences.Count)} sentences; {trainer.Epochs} epochs; seed {trainer.Seed}; 2^{trainer.BucketBits} buckets{domainNote}");
            var watch = Stopwatch.StartNew();
            var tagger = trainer.Train(training, description, tagDomain, useDomains, (epoch, accuracy) =>
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
