namespace MeetStream.Client.Testing;

/// <summary>Spreads the configured conversation over a recording of a given length.</summary>
internal static class ConversationPlan
{
    public static IReadOnlyList<PlannedUtterance> Plan(IReadOnlyList<SimulatorUtterance> all, TimeSpan meeting)
    {
        // Barge-in lines have no place on the timeline: the bot's own speech decides when they start (BargeIn).
        var conversation = all.Where(u => u.AfterBotStartsSpeaking is null).ToList();
        if (conversation.Count == 0)
        {
            return [];
        }

        // One slot per line, as long as its weight (all 1 by default: equal slots); at least 2 s per unit of weight.
        var speakers = Speakers(all).ToList();
        var weights = conversation.Sum(u => u.Weight);
        var total = Math.Max(meeting.TotalSeconds, weights * 2.0);
        var unit = total / weights;
        var before = 0.0; // the weight of the lines before this one
        var result = new List<PlannedUtterance>(conversation.Count);
        for (var i = 0; i < conversation.Count; i++)
        {
            var line = conversation[i];
            var slot = unit * line.Weight;
            var parts = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var start = Math.Round((before * unit) + Math.Min(0.5, slot / 4), 3);
            if (line.Overlap is { } overlap && result.Count > 0)
            {
                // An interruption: it starts before the previous line ends (never before that line starts).
                var previous = result[^1];
                start = Math.Round(Math.Max(previous.Start, previous.End - overlap.TotalSeconds), 3);
            }

            var perWord = Math.Min(0.4, (slot * 0.8) / Math.Max(1, parts.Length));
            result.Add(Place(i, line, speakers.IndexOf(line.Speaker), start, perWord));
            before += line.Weight;
        }

        return result;
    }

    /// <summary>The barge-in lines in conversation order, each with its speaker's index (its voice).</summary>
    public static IReadOnlyList<(SimulatorUtterance Line, int SpeakerIndex)> BargeIns(IReadOnlyList<SimulatorUtterance> all)
    {
        var speakers = Speakers(all).ToList();
        return all.Where(u => u.AfterBotStartsSpeaking is not null).Select(u => (u, speakers.IndexOf(u.Speaker))).ToList();
    }

    /// <summary>Places one line at <paramref name="start"/> seconds with <paramref name="perWord"/> seconds per word.</summary>
    public static PlannedUtterance Place(int index, SimulatorUtterance line, int speakerIndex, double start, double perWord = 0.4)
    {
        var parts = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = new List<PlannedWord>(parts.Length);
        for (var w = 0; w < parts.Length; w++)
        {
            var bare = new string(parts[w].Where(c => char.IsLetterOrDigit(c) || c == '\'' || c == '-').ToArray()).ToLowerInvariant();
            var wordStart = Math.Round(start + (w * perWord), 3);
            words.Add(new PlannedWord(bare.Length == 0 ? parts[w] : bare, parts[w], wordStart, Math.Round(wordStart + (perWord * 0.9), 3)));
        }

        var end = words.Count > 0 ? words[^1].End : start;
        return new PlannedUtterance(index, line.Speaker, speakerIndex, line.Text, start, end, words);
    }

    public static IReadOnlyList<string> Speakers(IReadOnlyList<SimulatorUtterance> conversation) =>
        conversation.Select(u => u.Speaker).Distinct(StringComparer.Ordinal).ToArray();
}
