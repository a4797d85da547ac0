namespace Led.Core.Configuration;

/// <summary>The <c>system</c> section: a system plugin, its options, and optionally a given initial state.</summary>
public sealed class SystemSection : ComponentSection
{
    /// <summary>
    /// Initial state instead of a random one: a plain-text file with one column per channel (or one value per line,
    /// channel-major), or an HDF5 dataset written as <c>file.h5:/group/dataset</c> (the first snapshot is used).
    /// </summary>
    public string? InitialState { get; set; }
}
