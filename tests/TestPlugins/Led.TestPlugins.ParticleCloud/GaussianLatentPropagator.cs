using Led.Abstractions.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.TestPlugins.ParticleCloud;

/// <summary>
/// A Markovian stochastic propagator: z_{t+1} ~ N(z_t + W z_t + b, diag e^{2s}) with W, b and s learned. It has no
/// memory; its mean is <see cref="Forward"/>.
/// </summary>
public sealed class GaussianLatentPropagator : IStochasticPropagator, ITrainable, IDisposable
{
    private readonly Network _network;

    public GaussianLatentPropagator(GaussianLatentPropagatorOptions options, LatentSpace latent, IDeviceContext device)
    {
        _network = new Network(latent.Dim, options.InitialLogStd);
        _network.to(device.DType).to(device.Device);
    }

    public nn.Module Module => _network;

    /// <summary>Sets W, b and s exactly.</summary>
    public void SetWeights(double[,] weight, double[] bias, double[] logStd)
    {
        using var noGrad = no_grad();
        _network.Layer.weight!.copy_(tensor(weight));
        _network.Layer.bias!.copy_(tensor(bias));
        _network.LogStd.copy_(tensor(logStd));
    }

    public PropagatorState Start(int batchSize) => new Memoryless();

    public Tensor Forward(PropagatorState state, Tensor latents) => latents + _network.Layer.forward(latents);

    public Tensor Sample(PropagatorState state, Tensor latents, Generator generator)
    {
        using var scope = NewDisposeScope();
        var mean = Forward(state, latents);
        var noise = randn(mean.shape, mean.dtype, mean.device, generator: generator);
        return (mean + _network.LogStd.exp() * noise).MoveToOuterDisposeScope();
    }

    public Tensor LogLikelihood(PropagatorState state, Tensor latents, Tensor targets)
    {
        using var scope = NewDisposeScope();
        var z = (targets - Forward(state, latents)) / _network.LogStd.exp();
        return (z.square().mul(-0.5) - _network.LogStd - 0.5 * Math.Log(2 * Math.PI)).mean([-1]).MoveToOuterDisposeScope();
    }

    public void Dispose() => _network.Dispose();

    private sealed class Memoryless : PropagatorState
    {
        public override void Detach() { }

        public override void Dispose() { }
    }

    private sealed class Network : nn.Module
    {
        public Network(int dim, double logStd) : base("GaussianLatentPropagator")
        {
            Layer = nn.Linear(dim, dim, dtype: ScalarType.Float64);
            LogStd = nn.Parameter(full(dim, logStd, ScalarType.Float64));
            using (no_grad())
            {
                Layer.weight!.zero_();
                Layer.bias!.zero_();
            }
            register_module("layer", Layer);
            register_parameter("log_std", LogStd);
        }

        public TorchSharp.Modules.Linear Layer { get; }

        public TorchSharp.Modules.Parameter LogStd { get; }

        protected override void RegisterComponents() { }
    }
}
