namespace Led.Propagators.Lstm;

/// <summary>One compiled recurrent layer on plain arrays: its state advanced by one input, the new hidden state returned.</summary>
internal interface IRecurrentLayer<T> where T : unmanaged
{
    /// <summary>Zeroes the state (a new trajectory).</summary>
    void Reset();

    /// <summary>Advances the state by <paramref name="input"/>; the returned hidden state stays valid until the next call.</summary>
    ReadOnlySpan<T> Step(ReadOnlySpan<T> input);
}
