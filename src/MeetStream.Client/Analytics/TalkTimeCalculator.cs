namespace MeetStream.Client.Analytics;

/// <summary>
/// Turns speech intervals of any source into a <see cref="TalkTimeReport"/>: per-speaker unions, turns, monologues,
/// interruptions (overlap), silence and shares. One implementation for every source, so the numbers agree.
/// </summary>
internal static class TalkTimeCalculator
{
    /// <summary>The name MeetStream uses for unattributed audio; treated as nobody in every source.</summary>
    internal const string NoSpeaker = "NoSpeaker";

    public static TalkTimeReport Compute(
        TalkTimeSource source,
        IEnumerable<SpeechInterval> intervals,
        IReadOnlyDictionary<string, SpeakerWords>? words,
        TalkTimeOptions options,
        int untimedSegments)
    {
        string? botName = null;
        string Canonical(string speaker)
        {
            if (options.IsBot(speaker))
            {
                return botName ??= speaker;
            }

            return speaker;
        }

        var unattributed = new List<SpeechInterval>();
        var bySpeaker = new Dictionary<string, List<SpeechInterval>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var interval in intervals)
        {
            if (interval.Speaker is null || string.Equals(interval.Speaker, NoSpeaker, StringComparison.Ordinal))
            {
                unattributed.Add(interval with { Speaker = null });
                continue;
            }

            var name = Canonical(interval.Speaker);
            if (!bySpeaker.TryGetValue(name, out var list))
            {
                bySpeaker[name] = list = [];
                order.Add(name);
            }

            list.Add(interval with { Speaker = name });
        }

        var mergedWords = new Dictionary<string, SpeakerWords>(StringComparer.Ordinal);
        if (words is not null)
        {
            foreach (var (speaker, counts) in words)
            {
                if (string.Equals(speaker, NoSpeaker, StringComparison.Ordinal))
                {
                    continue;
                }

                var name = Canonical(speaker);
                if (!mergedWords.TryGetValue(name, out var total))
                {
                    mergedWords[name] = total = new SpeakerWords();
                }

                total.Words += counts.Words;
                total.TimedWords += counts.TimedWords;
                total.Questions += counts.Questions;
                if (!bySpeaker.ContainsKey(name))
                {
                    bySpeaker[name] = [];
                    order.Add(name);
                }
            }
        }

        // Each speaker's speech as sorted, disjoint intervals.
        var unions = new Dictionary<string, List<SpeechInterval>>(StringComparer.Ordinal);
        foreach (var name in order)
        {
            unions[name] = Union(bySpeaker[name]);
        }

        var all = unions.Values.SelectMany(u => u).OrderBy(i => i.Start).ToArray();
        var maxLength = all.Length == 0 ? TimeSpan.Zero : all.Max(i => i.Length);
        var participants = new Dictionary<string, ParticipantTalkTime>(StringComparer.Ordinal);
        foreach (var name in order)
        {
            var p = new ParticipantTalkTime(name, string.Equals(name, botName, StringComparison.Ordinal));
            participants[name] = p;
            var union = unions[name];
            p.TalkTime = Sum(union);
            (p.Turns, p.LongestMonologue) = Turns(name, union, all, maxLength, options.TurnGap);
        }

        // Interruptions: B starts while A already speaks and they overlap by at least MinimumOverlap.
        foreach (var b in all)
        {
            var interrupted = false;
            foreach (var a in Around(all, b.Start, b.Start, maxLength))
            {
                if (a.Speaker == b.Speaker || !(a.Start < b.Start && b.Start < a.End))
                {
                    continue;
                }

                var overlap = (a.End < b.End ? a.End : b.End) - b.Start;
                if (overlap > TimeSpan.Zero && overlap >= options.MinimumOverlap)
                {
                    participants[a.Speaker!].TimesInterrupted++;
                    interrupted = true;
                }
            }

            if (interrupted)
            {
                participants[b.Speaker!].Interruptions++;
            }
        }

        var humans = participants.Values.Where(p => !p.IsBot).ToList();
        var bot = botName is null ? null : participants[botName];
        var humanTotal = humans.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.TalkTime);
        foreach (var p in humans)
        {
            p.Share = humanTotal > TimeSpan.Zero ? p.TalkTime / humanTotal : 0;
        }

        if (bot is not null)
        {
            var everyone = humanTotal + bot.TalkTime;
            bot.Share = everyone > TimeSpan.Zero ? bot.TalkTime / everyone : 0;
        }

        if (words is not null)
        {
            foreach (var p in participants.Values)
            {
                var counts = mergedWords.GetValueOrDefault(p.Name) ?? new SpeakerWords();
                p.Words = counts.Words;
                p.Questions = counts.Questions;
                p.WordsPerMinute = p.TalkTime > TimeSpan.Zero ? counts.TimedWords / p.TalkTime.TotalMinutes : null;
            }
        }

        humans.Sort((x, y) =>
        {
            var byTime = y.TalkTime.CompareTo(x.TalkTime);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Name, y.Name);
        });

        // The meeting window and the silence in it.
        var everything = Union(all.Concat(unattributed).Select(i => i with { Speaker = null }));
        TimeSpan windowStart, windowEnd;
        if (options.MeetingDuration is { } duration)
        {
            (windowStart, windowEnd) = (TimeSpan.Zero, duration);
        }
        else if (everything.Count > 0)
        {
            (windowStart, windowEnd) = (everything[0].Start, everything[^1].End);
        }
        else
        {
            (windowStart, windowEnd) = (TimeSpan.Zero, TimeSpan.Zero);
        }

        var meeting = windowEnd - windowStart;
        var voiced = everything.Aggregate(TimeSpan.Zero, (sum, i) =>
        {
            var start = i.Start > windowStart ? i.Start : windowStart;
            var end = i.End < windowEnd ? i.End : windowEnd;
            return end > start ? sum + (end - start) : sum;
        });
        var silence = meeting - voiced;
        var attributedUnion = Union(all.Select(i => i with { Speaker = null }));
        var unattributedOnly = Sum(everything) - Sum(attributedUnion);
        return new TalkTimeReport(source, humans, bot)
        {
            MeetingDuration = meeting,
            TalkTime = Sum(Union(all.Where(i => !string.Equals(i.Speaker, botName, StringComparison.Ordinal)).Select(i => i with { Speaker = null }))),
            Silence = silence,
            SilenceShare = meeting > TimeSpan.Zero ? silence / meeting : 0,
            Interruptions = participants.Values.Sum(p => p.Interruptions),
            UnattributedSpeech = unattributedOnly,
            UntimedSegments = untimedSegments,
        };
    }

    /// <summary>Sorts intervals and merges the ones that overlap or touch.</summary>
    internal static List<SpeechInterval> Union(IEnumerable<SpeechInterval> intervals)
    {
        var result = new List<SpeechInterval>();
        foreach (var i in intervals.OrderBy(i => i.Start))
        {
            if (i.End <= i.Start)
            {
                continue;
            }

            if (result.Count > 0 && i.Start <= result[^1].End)
            {
                if (i.End > result[^1].End)
                {
                    result[^1] = result[^1] with { End = i.End };
                }
            }
            else
            {
                result.Add(i);
            }
        }

        return result;
    }

    private static TimeSpan Sum(List<SpeechInterval> union) => union.Aggregate(TimeSpan.Zero, (sum, i) => sum + i.Length);

    /// <summary>Counts a speaker's turns and the longest: pauses shorter than the gap, with nobody else speaking in them, stay in the turn.</summary>
    private static (int Turns, TimeSpan Longest) Turns(string speaker, List<SpeechInterval> union, SpeechInterval[] all, TimeSpan maxLength, TimeSpan turnGap)
    {
        if (union.Count == 0)
        {
            return (0, TimeSpan.Zero);
        }

        int turns = 1;
        var turnStart = union[0].Start;
        var longest = TimeSpan.Zero;
        for (int k = 1; k < union.Count; k++)
        {
            var pauseStart = union[k - 1].End;
            var pauseEnd = union[k].Start;
            var someoneElse = Around(all, pauseStart, pauseEnd, maxLength)
                .Any(o => o.Speaker != speaker && o.Start < pauseEnd && o.End > pauseStart);
            if (pauseEnd - pauseStart >= turnGap || someoneElse)
            {
                longest = Max(longest, pauseStart - turnStart);
                turnStart = pauseEnd;
                turns++;
            }
        }

        longest = Max(longest, union[^1].End - turnStart);
        return (turns, longest);
    }

    /// <summary>The intervals (sorted by start) that may intersect [from, to]: those starting before <paramref name="to"/> and after from − the longest interval.</summary>
    private static IEnumerable<SpeechInterval> Around(SpeechInterval[] sorted, TimeSpan from, TimeSpan to, TimeSpan maxLength)
    {
        int hi = UpperBound(sorted, to);
        var earliest = from - maxLength;
        for (int k = hi - 1; k >= 0 && sorted[k].Start >= earliest; k--)
        {
            yield return sorted[k];
        }
    }

    /// <summary>The index of the first interval starting after <paramref name="time"/>.</summary>
    private static int UpperBound(SpeechInterval[] sorted, TimeSpan time)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].Start <= time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
