using Led.Abstractions.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace MyPropagator;

/// <summary>
/// A Markovian residual propagator ẑ_{t+Δt} = z_t + W₂ tanh(W₁ z_t + b₁) + b₂, trained by the host's gradient training
/// (it is <see cref="ITrainable"/>). What it receives and returns, as every propagator:
/// <list type="bullet">
/// <item>latents <c>[B, T, d_z]</c> min-max scaled to [0, 1] per dimension over the training data, in the device
/// context's dtype and on its device; output t predicts input t + 1;</item>
/// <item>during forecasting, the warm-up latents first (teacher forcing), then its own predictions one at a time.</item>
/// </list>
/// Tensors it returns belong to the caller's dispose scope; its parameters live in <see cref="Module"/>, whose parameter
/// names are those of PyTorch (<c>hidden.weight</c>, …). Randomness comes from torch's generator, which the host seeds.
/// </summary>
public sealed class MyPropagator : ITrainable, ILatentPropagator, IDisposable
{
    private readonly Network _network;
    private readonly int _latentDim;

    /// <summary>The host calls the public constructor whose parameters it can supply: the options, the latent space,
    /// the device context, the system's description, or services (e.g. <c>ILogger&lt;MyPropagator&gt;</c>).</summary>
    public MyPropagator(MyPropagatorOptions options, LatentSpace latent, IDeviceContext device)
    {
        _latentDim = latent.Dim;
        _network = new Network(latent.Dim, options.Hidden);
        _network.to(device.DType).to(device.Device);
    }

    /// <inheritdoc/>
    public nn.Module Module => _network;

    /// <inheritdoc/>
    public PropagatorState Start(int batchSize) => new NoMemory();

    /// <inheritdoc/>
    public Tensor Forward(PropagatorState state, Tensor latents)
    {
        if (latents.dim() != 3 || latents.shape[2] != _latentDim)
            throw new ArgumentException($"latents must be [batch, time, {_latentDim}], got [{string.Join(", ", latents.shape)}]", nameof(latents));
        return _network.forward(latents);
    }

    /// <inheritdoc/>
    public void Dispose() => _network.Dispose();

    /// <summary>A Markovian propagator carries no memory between steps.</summary>
    private sealed class NoMemory : PropagatorState
    {
        public override void Detach() { }

        public override void Dispose() { }
    }

    private sealed class Network : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> hidden;
        private readonly nn.Module<Tensor, Tensor> output;

        public Network(int latentDim, int width) : base(nameof(MyPropagator))
        {
            hidden = nn.Linear(latentDim, width);
            output = nn.Linear(width, latentDim);
            RegisterComponents();
        }

        public override Tensor forward(Tensor z)
        {
            using var scope = NewDisposeScope();
            return z.add(output.forward(hidden.forward(z).tanh())).MoveToOuterDisposeScope();
        }
    }
}
