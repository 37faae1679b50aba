using Xunit;

namespace Warta.Cli.Tests;

/// <summary>Test classes that read the one ingested sample corpus; ingesting it once for all of them saves a corpus run per class.</summary>
[CollectionDefinition(Name)]
public sealed class SampleCorpusDefinition : ICollectionFixture<IngestedSampleCorpus>
{
    public const string Name = "sample corpus";
}
