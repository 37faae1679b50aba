namespace Warta.Core.Ingestion;

/// <summary>The text of one input after decoding, with the encoding it was read as.</summary>
/// <param name="Text">The decoded characters, without any byte-order mark.</param>
/// <param name="EncodingName">Which decoding was used: <c>utf-8</c>, <c>utf-16le</c>, <c>utf-16be</c>, <c>windows-1252</c>, or <c>utf-8 (N lines windows-1252)</c> for a UTF-8 page with stray Windows-1252 lines.</param>
public sealed record DecodedDocument(string Text, string EncodingName);
