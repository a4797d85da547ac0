using Led.Abstractions.Systems;

namespace Led.TestPlugins.Duplicate;

public sealed class ConstantSystem(ConstantOptions options) : IDynamicalSystem
{
    public SystemDescription Description { get; } = new(["c"], [2], [1.0], 1, false);

    public IMicroSimulation Start(ulong seed) => new Simulation(options.Value);

    public IMicroSimulation Lift(ReadOnlySpan<double> observable, double time) => new Simulation(observable[0]);

    private sealed class Simulation(double value) : IMicroSimulation
    {
        public double Time { get; private set; }

        public void Advance(double duration) => Time += duration;

        public void Observe(Span<double> observable) => observable.Fill(value);

        public void Dispose() { }
    }
}
