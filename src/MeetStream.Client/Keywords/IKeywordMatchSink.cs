namespace MeetStream.Client.Keywords;

/// <summary>Receives matches from <see cref="KeywordAutomaton.Scan{TSink}"/> without allocating.</summary>
internal interface IKeywordMatchSink
{
    /// <summary>Called once per match.</summary>
    /// <param name="keyword">The index of the keyword.</param>
    /// <param name="start">The index of the match's first character.</param>
    /// <param name="end">The index just after its last character.</param>
    /// <param name="output">The span given to the scan, if any.</param>
    void OnMatch(int keyword, int start, int end, Span<KeywordMatch> output);
}
