using System.Text;
using System.Text.Json;

namespace MeetStream.Client.Errors;

/// <summary>
/// Finds the error text in an error body (<c>message</c>, <c>detail</c>, <c>error</c>, <c>errors</c> or <c>msg</c>,
/// in that order; <c>error.message</c> when <c>error</c> is an object; or a bare JSON string). Works on a complete
/// body and on the start of a cut one, where the text may itself be cut: then its readable start is returned.
/// </summary>
internal static class ApiMessageReader
{
    private static readonly string[] Names = ["message", "detail", "error", "errors", "msg"];

    /// <summary>Extracts the error text.</summary>
    /// <param name="body">The body, or its start.</param>
    /// <param name="complete">Whether <paramref name="body"/> is the whole body.</param>
    /// <param name="cut">Set when the returned text is only the start of the server's text.</param>
    /// <returns>The text, or <see langword="null"/> when the body is not JSON or names no error text.</returns>
    public static string? Extract(ReadOnlySpan<byte> body, bool complete, out bool cut)
    {
        cut = false;
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            return complete ? FromDocument(body) : FromStart(body, out cut);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static string? FromDocument(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.String)
        {
            return root.GetString();
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in Names)
        {
            if (root.TryGetProperty(name, out var value))
            {
                return value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.Object when value.TryGetProperty("message", out var nested) && nested.ValueKind == JsonValueKind.String => nested.GetString(),
                    _ => value.GetRawText(),
                };
            }
        }

        return null;
    }

    // The body was cut: walk the top-level object as far as it goes, keep the best candidate, and read the start of
    // a string value that the cut runs through.
    private static string? FromStart(ReadOnlySpan<byte> body, out bool cut)
    {
        cut = false;
        var reader = new Utf8JsonReader(body, isFinalBlock: false, state: default);
        if (!reader.Read())
        {
            return StringStartAt(body, 0, out cut);
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var best = -1;
        string? bestText = null;
        var bestCut = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = IndexOf(ref reader);
            var afterName = (int)reader.BytesConsumed;
            if (!reader.Read())
            {
                if (index >= 0 && (best < 0 || index < best) && StringStartAt(body, afterName, out var partCut) is { } part)
                {
                    (best, bestText, bestCut) = (index, part, partCut);
                }

                break;
            }

            if (index < 0 || (best >= 0 && index >= best))
            {
                if (!reader.TrySkip())
                {
                    break;
                }

                continue;
            }

            var start = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    (best, bestText, bestCut) = (index, reader.GetString(), false);
                    break;
                case JsonTokenType.Null:
                    break;
                case JsonTokenType.StartObject when Names[index] == "error":
                    if (NestedMessage(ref reader, body, out var nestedCut) is { } nested)
                    {
                        (best, bestText, bestCut) = (index, nested, nestedCut);
                    }

                    if (nestedCut)
                    {
                        cut = bestCut;
                        return bestText;
                    }

                    break;
                default:
                    if (!reader.TrySkip())
                    {
                        (best, bestText, bestCut) = (index, Encoding.UTF8.GetString(body[start..]), true);
                        cut = bestCut;
                        return bestText;
                    }

                    (best, bestText, bestCut) = (index, Encoding.UTF8.GetString(body[start..(int)reader.BytesConsumed]), false);
                    break;
            }
        }

        cut = bestCut;
        return bestText;
    }

    // Inside "error": { ... }: the "message" string, complete or cut. Leaves the reader after the object when it ends.
    private static string? NestedMessage(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, out bool cut)
    {
        cut = false;
        var depth = reader.CurrentDepth;
        string? found = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                return found;
            }

            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth + 1)
            {
                continue;
            }

            var isMessage = reader.ValueTextEquals("message"u8);
            var afterName = (int)reader.BytesConsumed;
            if (!reader.Read())
            {
                if (isMessage && found is null)
                {
                    found = StringStartAt(body, afterName, out cut);
                }

                cut = true;
                return found;
            }

            if (isMessage && reader.TokenType == JsonTokenType.String)
            {
                found = reader.GetString();
            }
            else if (!reader.TrySkip())
            {
                cut = true;
                return found;
            }
        }

        cut = true;
        return found;
    }

    private static int IndexOf(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (reader.ValueTextEquals(Names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // The readable start of a JSON string that begins (after white space and a colon) at offset and runs past the
    // end of the bytes: close it and parse it, dropping a cut escape or UTF-8 sequence at the end.
    private static string? StringStartAt(ReadOnlySpan<byte> body, int offset, out bool cut)
    {
        cut = false;
        var i = offset;
        while (i < body.Length && body[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)':')
        {
            i++;
        }

        if (i >= body.Length || body[i] != (byte)'"')
        {
            return null;
        }

        var text = body[i..];
        var closed = new byte[text.Length + 1];
        for (var drop = 0; drop <= 12 && drop < text.Length; drop++)
        {
            var length = text.Length - drop;
            text[..length].CopyTo(closed);
            closed[length] = (byte)'"';
            try
            {
                var reader = new Utf8JsonReader(closed.AsSpan(0, length + 1));
                if (reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    cut = true;
                    return reader.GetString();
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
            }
        }

        return null;
    }
}
