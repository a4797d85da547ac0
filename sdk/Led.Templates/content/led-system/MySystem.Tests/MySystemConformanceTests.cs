using Led.Abstractions.Systems;
using Led.Sdk.Testing;

namespace MySystem.Tests;

/// <summary>The conformance kit's checks: determinism by seed, the observable's size, micro-step multiples, exact lifting.</summary>
public sealed class MySystemConformanceTests : SystemConformance
{
    private static readonly MySystemOptions Options = new();

    protected override IDynamicalSystem CreateSystem() => new MySystem(Options);

    protected override double MicroStep => Options.MicroStep;
}
