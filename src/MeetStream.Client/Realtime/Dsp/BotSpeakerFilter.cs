using System.Buffers;
using System.Text.Unicode;

namespace MeetStream.Client.Realtime.Dsp;

/// <summary>
/// Recognises audio frames spoken by the bot itself. MeetStream's live audio carries the bot's own output under the
/// bot's display name (§4.2); drop those frames before speech recognition or voice-activity detection, or the bot
/// hears (and answers, or interrupts) itself.
/// </summary>
/// <remarks>
/// Names match ignoring case (ordinal) and leading or trailing white space. <c>"NoSpeaker"</c> (unattributed
/// audio) and empty names never match unless configured. Instances are immutable and thread-safe; the checks
/// allocate nothing.
/// </remarks>
public sealed class BotSpeakerFilter
{
    private const int StackDecodeLimit = 256;
    private readonly string[] _names;

    /// <summary>Creates a filter for the bot's display name (the <c>bot_name</c> it was created with) and optional other names.</summary>
    /// <param name="botName">The bot's display name.</param>
    /// <param name="additionalNames">More names to drop, for example a second bot of yours in the same meeting, or a name the platform shows with a suffix.</param>
    /// <exception cref="ArgumentNullException"><paramref name="botName"/> or <paramref name="additionalNames"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A name is empty or only white space.</exception>
    public BotSpeakerFilter(string botName, params string[] additionalNames)
    {
        ArgumentNullException.ThrowIfNull(botName);
        ArgumentNullException.ThrowIfNull(additionalNames);
        var names = new List<string>(1 + additionalNames.Length) { Normalize(botName, nameof(botName)) };
        foreach (string? name in additionalNames)
        {
            if (name is null)
            {
                throw new ArgumentException("additionalNames must not contain null.", nameof(additionalNames));
            }

            names.Add(Normalize(name, nameof(additionalNames)));
        }

        _names = [.. names];
    }

    /// <summary>The names this filter drops, trimmed.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Whether <paramref name="speakerName"/> is one of the bot's names (so the frame should be dropped).</summary>
    /// <param name="speakerName">The frame's speaker name; <see langword="null"/> never matches.</param>
    /// <returns><see langword="true"/> when the name matches.</returns>
    public bool IsBot(string? speakerName) => speakerName is not null && IsBot(speakerName.AsSpan());

    /// <summary>Whether <paramref name="speakerName"/> is one of the bot's names (so the frame should be dropped).</summary>
    /// <param name="speakerName">The frame's speaker name.</param>
    /// <returns><see langword="true"/> when the name matches.</returns>
    public bool IsBot(ReadOnlySpan<char> speakerName)
    {
        ReadOnlySpan<char> trimmed = speakerName.Trim();
        if (trimmed.IsEmpty)
        {
            return false;
        }

        foreach (string name in _names)
        {
            if (trimmed.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a UTF-8 speaker name, as it appears in a binary audio frame (§4.2), is one of the bot's names.
    /// Invalid UTF-8 never matches.
    /// </summary>
    /// <param name="utf8SpeakerName">The frame's speaker name bytes.</param>
    /// <returns><see langword="true"/> when the name matches.</returns>
    public bool IsBot(ReadOnlySpan<byte> utf8SpeakerName)
    {
        if (utf8SpeakerName.IsEmpty)
        {
            return false;
        }

        char[]? rented = null;
        int max = utf8SpeakerName.Length; // UTF-8 never decodes to more UTF-16 units than bytes
        Span<char> chars = max <= StackDecodeLimit ? stackalloc char[StackDecodeLimit] : (rented = ArrayPool<char>.Shared.Rent(max));
        try
        {
            var status = Utf8.ToUtf16(utf8SpeakerName, chars, out _, out int written, replaceInvalidSequences: false);
            return status == OperationStatus.Done && IsBot(chars.Slice(0, written));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The opposite of <see cref="IsBot(string)"/>: whether a frame from <paramref name="speakerName"/> should be kept.</summary>
    /// <param name="speakerName">The frame's speaker name; <see langword="null"/> is kept.</param>
    /// <returns><see langword="true"/> when the frame is not the bot's.</returns>
    public bool ShouldKeep(string? speakerName) => !IsBot(speakerName);

    /// <inheritdoc/>
    public override string ToString() => $"BotSpeakerFilter({string.Join(", ", _names)})";

    private static string Normalize(string name, string parameter)
    {
        string trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("A bot name must not be empty or white space.", parameter);
        }

        return trimmed;
    }
}
