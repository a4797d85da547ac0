using Led.Abstractions.Learning;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Core.Tests.Training;

/// <summary>
/// A small variational autoencoder for states <c>[B, 1, S]</c>: linear heads μ = A·x + a and log σ² = B·x + b, and a
/// linear decoder; float64 weights set from a fixed formula (no random draws), so that two instances start identical.
/// </summary>
internal sealed class LinearVariationalAutoencoder : IAutoencoder, IVariationalEncoder, ITrainable, IDisposable
{
    private readonly Network _network;

    public LinearVariationalAutoencoder(int size, int latentDim, double beta)
    {
        LatentDim = latentDim;
        Beta = beta;
        _network = new Network(size, latentDim);
    }

    public int LatentDim { get; }

    public double Beta { get; }

    public nn.Module Module => _network;

    public Tensor Encode(Tensor states) => EncodeDistribution(states).Mean;

    public (Tensor Mean, Tensor LogVariance) EncodeDistribution(Tensor states)
    {
        var flat = states.flatten(1);
        return (_network.Mean.call(flat), _network.LogVariance.call(flat));
    }

    public Tensor Decode(Tensor latents) => _network.Decoder.call(latents).unsqueeze(1);

    public void Dispose() => _network.Dispose();

    private sealed class Network : nn.Module<Tensor, Tensor>
    {
        public Linear Mean { get; }
        public Linear LogVariance { get; }
        public Linear Decoder { get; }

        public Network(int size, int latentDim) : base(nameof(LinearVariationalAutoencoder))
        {
            Mean = nn.Linear(size, latentDim, dtype: ScalarType.Float64);
            LogVariance = nn.Linear(size, latentDim, dtype: ScalarType.Float64);
            Decoder = nn.Linear(latentDim, size, dtype: ScalarType.Float64);
            register_module("mean", Mean);
            register_module("log_var", LogVariance);
            register_module("decoder", Decoder);
            using var noGrad = no_grad();
            int k = 0;
            foreach (var (_, parameter) in named_parameters())
            {
                using var values = arange(parameter.numel(), dtype: ScalarType.Float64).add(++k).mul(1.7).sin().mul(0.3).reshape(parameter.shape);
                parameter.copy_(values);
            }
        }

        protected override void RegisterComponents()
        {
        }

        public override Tensor forward(Tensor input) => Decoder.call(Mean.call(input.flatten(1)));
    }
}
