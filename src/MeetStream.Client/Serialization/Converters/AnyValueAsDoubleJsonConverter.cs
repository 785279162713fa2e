using System.Globalization;
using System.Text.Json;

namespace MeetStream.Client.Serialization;

/// <summary>
/// A JSON converter for REST response numbers of undocumented JSON type. Rule: any JSON value is accepted and never
/// fails the response: a number, or a string holding one (<c>"12.5"</c>); anything else reads as
/// <see langword="null"/>. Writes a JSON number.
/// </summary>
internal sealed class AnyValueAsDoubleJsonConverter : AnyValueOrNullJsonConverter<double>
{
    /// <inheritdoc />
    protected override double? FromString(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    /// <inheritdoc />
    protected override double? FromNumber(ref Utf8JsonReader reader) => reader.GetDouble();

    /// <inheritdoc />
    protected override void WriteValue(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);
}
