namespace Led.Core.Tests;

/// <summary>Tests that draw from torch's default generator and assert what they draw: they run alone, as other tests draw from it too.</summary>
[CollectionDefinition(nameof(TorchDefaultGenerator), DisableParallelization = true)]
public sealed class TorchDefaultGenerator;
