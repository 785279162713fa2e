namespace MeetStream.Client.Analytics;

/// <summary>One stretch of speech by one speaker, in time from the start of the recording; the common input of every talk-time source.</summary>
/// <param name="Speaker">The speaker's name; <see langword="null"/> for voice attributed to nobody.</param>
/// <param name="Start">When the speech started.</param>
/// <param name="End">When it ended (not before <paramref name="Start"/>).</param>
internal readonly record struct SpeechInterval(string? Speaker, TimeSpan Start, TimeSpan End)
{
    public TimeSpan Length => End - Start;
}

/// <summary>Words, timed words and questions of one speaker, from a transcript.</summary>
internal sealed class SpeakerWords
{
    public int Words { get; set; }

    public int TimedWords { get; set; }

    public int Questions { get; set; }
}
