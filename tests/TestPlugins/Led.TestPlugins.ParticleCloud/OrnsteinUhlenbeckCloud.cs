using Led.Abstractions.Observables;
using Led.Abstractions.Systems;

namespace Led.TestPlugins.ParticleCloud;

/// <summary>
/// N independent Ornstein–Uhlenbeck particles dx = −θ x dt + σ dW, advanced by the exact transition
/// x ← a x + σ √((1 − a²)/(2θ)) ξ with a = e^{−θ τ}. A run starts with every particle at one random point in [−1, 1]^D;
/// the cloud's mean decays as a^t and its variance relaxes to σ²/(2θ). Observable: the point set [N, D].
/// </summary>
public sealed class OrnsteinUhlenbeckCloud(OrnsteinUhlenbeckCloudOptions options) : IDynamicalSystem, IScoredSystem
{
    private static readonly string[] Axes = ["x", "y", "z"];
    private ulong _lifts;

    public SystemDescription Description { get; } =
        new(new PointSetObservable(options.Particles, Axes[..options.Dimensions]), options.CoarseStep);

    public string HeadlineMetric => "wasserstein";

    public IReadOnlyList<string> DefaultMetrics => [];

    public IMicroSimulation Start(ulong seed)
    {
        var random = new Random((int)(seed % int.MaxValue));
        var centre = Enumerable.Range(0, options.Dimensions).Select(_ => 2 * random.NextDouble() - 1).ToArray();
        var state = new double[options.Particles * options.Dimensions];
        for (int i = 0; i < state.Length; i++) state[i] = centre[i % options.Dimensions];
        return new Simulation(options, state, 0, random);
    }

    public IMicroSimulation Lift(ReadOnlySpan<double> observable, double time) =>
        new Simulation(options, observable.ToArray(), time, new Random((int)(Interlocked.Increment(ref _lifts) * 7919 % int.MaxValue)));

    private sealed class Simulation(OrnsteinUhlenbeckCloudOptions options, double[] state, double time, Random random) : IMicroSimulation
    {
        public double Time { get; private set; } = time;

        public void Advance(double duration)
        {
            double a = Math.Exp(-options.Theta * duration);
            double spread = options.Sigma * Math.Sqrt((1 - a * a) / (2 * options.Theta));
            for (int i = 0; i < state.Length; i++)
            {
                double u = 1 - random.NextDouble(), v = random.NextDouble();
                state[i] = a * state[i] + spread * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
            }
            Time += duration;
        }

        public void Observe(Span<double> observable) => state.CopyTo(observable);

        public void Dispose() { }
    }
}
