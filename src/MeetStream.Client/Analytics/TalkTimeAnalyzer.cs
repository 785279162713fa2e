using System.Globalization;

namespace MeetStream.Client.Analytics;

/// <summary>
/// Computes a <see cref="TalkTimeReport"/> after the call, from a diarized <see cref="Transcript"/> (talk time,
/// turns, interruptions, words per minute, questions) or from the <see cref="SpeakerTimeline"/> (the same without
/// words). For live audio frames use <see cref="LiveTalkTimeTracker"/>.
/// </summary>
/// <remarks>
/// Bad timings are errors, not guesses: a negative, NaN or infinite time, or an end before its start, throws an
/// <see cref="ArgumentException"/> naming the segment or chunk. A segment or chunk with no timing at all is not an
/// error: it is counted in <see cref="TalkTimeReport.UntimedSegments"/>, its words and questions still count, its
/// time does not.
/// </remarks>
public static class TalkTimeAnalyzer
{
    /// <summary>
    /// Analyses a diarized post-call transcript. A segment's time is its <c>start_time</c>..<c>end_time</c>, or, when
    /// missing, its first word's start to its last word's end. Words are the segment's words (else the words of its
    /// text); questions are sentences ending in <c>?</c>. Segments without a speaker belong to
    /// <see cref="Transcript.UnknownSpeaker"/>; <c>NoSpeaker</c> is unattributed.
    /// </summary>
    /// <param name="transcript">The transcript.</param>
    /// <param name="options">The settings; <see langword="null"/> for the defaults.</param>
    /// <returns>The report, with <see cref="TalkTimeSource.Transcript"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transcript"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A segment has a negative, NaN or infinite time, or ends before it starts (the message names the segment).</exception>
    public static TalkTimeReport FromTranscript(Transcript transcript, TalkTimeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        options ??= new TalkTimeOptions();
        var intervals = new List<SpeechInterval>(transcript.Segments.Count);
        var words = new Dictionary<string, SpeakerWords>(StringComparer.Ordinal);
        int untimed = 0;
        for (int index = 0; index < transcript.Segments.Count; index++)
        {
            var segment = transcript.Segments[index] ?? throw new ArgumentException($"Segment {index} is null.", nameof(transcript));
            var speaker = string.IsNullOrWhiteSpace(segment.Speaker) ? Transcript.UnknownSpeaker : segment.Speaker.Trim();
            double? start = Check(segment.StartTime, index, speaker, "start_time") ?? FirstWordStart(segment, index, speaker);
            double? end = Check(segment.EndTime, index, speaker, "end_time") ?? LastWordEnd(segment, index, speaker);
            var timed = start is not null && end is not null;
            if (timed)
            {
                if (end < start)
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"Segment {index} (speaker '{speaker}') ends at {end} s, before it starts at {start} s."),
                        nameof(transcript));
                }

                intervals.Add(new SpeechInterval(speaker, Seconds(start!.Value), Seconds(end!.Value)));
            }
            else
            {
                untimed++;
            }

            if (!words.TryGetValue(speaker, out var counts))
            {
                words[speaker] = counts = new SpeakerWords();
            }

            var (wordCount, text) = WordsOf(segment);
            counts.Words += wordCount;
            counts.TimedWords += timed ? wordCount : 0;
            counts.Questions += CountQuestions(text);
        }

        return TalkTimeCalculator.Compute(TalkTimeSource.Transcript, intervals, words, options, untimed);
    }

    /// <summary>
    /// Analyses the speaker timeline. Each chunk's bytes are 16-bit mono PCM at its <c>sampleRate</c> (48 kHz when
    /// absent), so time = bytes / 2 / sampleRate from the start of the audio file. The timeline has no words:
    /// <see cref="ParticipantTalkTime.Words"/>, <see cref="ParticipantTalkTime.WordsPerMinute"/> and
    /// <see cref="ParticipantTalkTime.Questions"/> are <see langword="null"/>.
    /// </summary>
    /// <param name="timeline">The timeline.</param>
    /// <param name="options">The settings; <see langword="null"/> for the defaults.</param>
    /// <returns>The report, with <see cref="TalkTimeSource.SpeakerTimeline"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeline"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A chunk has a negative byte offset, a sample rate of zero or less, or ends before it starts (the message names the chunk).</exception>
    public static TalkTimeReport FromSpeakerTimeline(SpeakerTimeline timeline, TalkTimeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        options ??= new TalkTimeOptions();
        var chunks = timeline.Chunks ?? [];
        var intervals = new List<SpeechInterval>(chunks.Count);
        int untimed = 0;
        for (int index = 0; index < chunks.Count; index++)
        {
            var chunk = chunks[index] ?? throw new ArgumentException($"Chunk {index} is null.", nameof(timeline));
            var speaker = string.IsNullOrWhiteSpace(chunk.SpeakerName) ? Transcript.UnknownSpeaker : chunk.SpeakerName.Trim();
            int sampleRate = chunk.SampleRate ?? Realtime.Dsp.Pcm16.MeetStreamSampleRate;
            if (sampleRate <= 0)
            {
                throw new ArgumentException($"Chunk {index} (speaker '{speaker}') has sampleRate {sampleRate}; it must be greater than zero.", nameof(timeline));
            }

            if (chunk.StartByte < 0 || chunk.EndByte < 0)
            {
                throw new ArgumentException($"Chunk {index} (speaker '{speaker}') has a negative byte offset (startByte {chunk.StartByte}, endByte {chunk.EndByte}).", nameof(timeline));
            }

            if (chunk.StartByte is not { } startByte || chunk.EndByte is not { } endByte)
            {
                untimed++;
                continue;
            }

            if (endByte < startByte)
            {
                throw new ArgumentException($"Chunk {index} (speaker '{speaker}') ends at byte {endByte}, before it starts at byte {startByte}.", nameof(timeline));
            }

            intervals.Add(new SpeechInterval(speaker, BytesToTime(startByte, sampleRate), BytesToTime(endByte, sampleRate)));
        }

        return TalkTimeCalculator.Compute(TalkTimeSource.SpeakerTimeline, intervals, words: null, options, untimed);
    }

    /// <summary>Counts the questions in a text: sentences ending in <c>?</c> (a run of <c>??</c> is one).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number of questions.</returns>
    internal static int CountQuestions(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if ((text[i] == '?' || text[i] == '？') && (i + 1 == text.Length || (text[i + 1] != '?' && text[i + 1] != '？')))
            {
                count++;
            }
        }

        return count;
    }

    private static TimeSpan BytesToTime(long bytes, int sampleRate) =>
        TimeSpan.FromTicks((long)((Int128)bytes * TimeSpan.TicksPerSecond / (2 * (Int128)sampleRate)));

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    private static double? Check(double? seconds, int index, string speaker, string field)
    {
        if (seconds is { } s && !(double.IsFinite(s) && s >= 0 && s < TimeSpan.MaxValue.TotalSeconds / 2))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Segment {index} (speaker '{speaker}') has {field} {s}; times must be finite seconds, not negative."),
                "transcript");
        }

        return seconds;
    }

    private static double? FirstWordStart(TranscriptSegment segment, int index, string speaker)
    {
        double? first = null;
        foreach (var word in segment.Words ?? [])
        {
            if (Check(word?.Start, index, speaker, "a word start") is { } s)
            {
                first = first is null ? s : Math.Min(first.Value, s);
            }
        }

        return first;
    }

    private static double? LastWordEnd(TranscriptSegment segment, int index, string speaker)
    {
        double? last = null;
        foreach (var word in segment.Words ?? [])
        {
            if ((Check(word?.End, index, speaker, "a word end") ?? word?.Start) is { } e)
            {
                last = last is null ? e : Math.Max(last.Value, e);
            }
        }

        return last;
    }

    private static (int Count, string Text) WordsOf(TranscriptSegment segment)
    {
        if (segment.Words is { Count: > 0 } list)
        {
            var spoken = list.Select(w => w?.DisplayText).Where(w => !string.IsNullOrWhiteSpace(w)).ToArray();
            if (spoken.Length > 0)
            {
                var text = string.IsNullOrWhiteSpace(segment.Text) ? string.Join(' ', spoken) : segment.Text;
                return (spoken.Length, text);
            }
        }

        var own = segment.Text ?? string.Empty;
        int count = 0;
        foreach (var token in own.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Any(char.IsLetterOrDigit))
            {
                count++;
            }
        }

        return (count, own);
    }
}
