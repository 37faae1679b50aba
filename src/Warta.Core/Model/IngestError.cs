namespace Warta.Core.Model;

/// <summary>Why one input (or one record of it) could not be read; shown to the user as one line.</summary>
/// <param name="Source">The input's name, usually a file path.</param>
/// <param name="Location">Line or record inside the input (e.g. <c>line 12</c>), when the input holds many records.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record IngestError(string Source, string? Location, string Message)
{
    public override string ToString() => Location is null ? $"{Source}: {Message}" : $"{Source} ({Location}): {Message}";
}
