using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Serialization;

/// <summary>
/// Reads a <see cref="Transcript"/> from either known JSON shape (through <see cref="Transcript.FromJson"/>, no
/// reflection) and writes back the original JSON it was read from.
/// </summary>
internal sealed class TranscriptJsonConverter : JsonConverter<Transcript>
{
    /// <inheritdoc />
    public override Transcript Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return Transcript.FromJson(document.RootElement);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Transcript value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.Json.WriteTo(writer);
    }
}
