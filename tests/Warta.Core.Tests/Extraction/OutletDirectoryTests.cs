using Warta.Core.Extraction;
using Xunit;

namespace Warta.Core.Tests.Extraction;

public class OutletDirectoryTests
{
    [Fact]
    public void Should_hand_out_each_learned_pairing_once_for_storing_and_never_a_loaded_one()
    {
        var directory = new OutletDirectory();
        directory.Load([new OutletPairing("kabarnusa", "kabarnusa.id")]);
        directory.Learn("antarprov english", "antarprov.com");
        directory.Learn("antarprov english", "antarprov.com");
        directory.Learn("kabarnusa", "kabarnusa.id");

        Assert.Equal([new OutletPairing("antarprov english", "antarprov.com")], directory.TakeUnsaved());
        Assert.Empty(directory.TakeUnsaved());
    }

    [Fact]
    public void Should_resolve_a_name_and_its_first_word_from_loaded_pairings()
    {
        var directory = new OutletDirectory();
        directory.Load([new OutletPairing("antarprov english", "antarprov.com")]);

        Assert.True(directory.TryResolve("antarprov", out var domain));
        Assert.Equal("antarprov.com", domain);
        Assert.True(directory.TryResolve("antarprov english", out domain));
        Assert.Equal("antarprov.com", domain);
        Assert.False(directory.TryResolve("kompas", out _));
    }

    [Fact]
    public void Should_leave_a_name_loaded_with_two_domains_unresolved()
    {
        var directory = new OutletDirectory();
        directory.Load([new OutletPairing("kompas", "kompas.com"), new OutletPairing("kompas", "kompas.id")]);

        Assert.False(directory.TryResolve("kompas", out _));
    }
}
