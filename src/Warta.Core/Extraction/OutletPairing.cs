namespace Warta.Core.Extraction;

/// <summary>One outlet name seen together with the domain it stands for (<c>antarprov</c> with <c>antarprov.com</c>), as <see cref="OutletDirectory"/> learns and the store keeps it.</summary>
/// <param name="Name">The normalised display name.</param>
/// <param name="Domain">The normalised domain key.</param>
public sealed record OutletPairing(string Name, string Domain);
