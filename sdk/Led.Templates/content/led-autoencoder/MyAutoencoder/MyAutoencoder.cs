using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using TorchSharp;
using static TorchSharp.torch;

namespace MyAutoencoder;

/// <summary>
/// An MLP autoencoder: the state, flattened, goes through one hidden layer (tanh) to d_z latents, and back through one
/// hidden layer to a sigmoid output, since the states it receives are min-max scaled to [0, 1] per channel. States are
/// <c>[B, …observable shape]</c> and latents <c>[B, d_z]</c>, in the device context's dtype and on its device; the host
/// trains it (it is <see cref="ITrainable"/>) and scales the latents for the propagator itself.
/// </summary>
public sealed class MyAutoencoder : IAutoencoder, ITrainable, IDisposable
{
    private readonly Network _network;
    private readonly long[] _stateShape;

    /// <summary>The host supplies the options, the system's description and the device context.</summary>
    public MyAutoencoder(MyAutoencoderOptions options, SystemDescription system, IDeviceContext device)
    {
        LatentDim = options.CheckShapes(system, null).Dim;
        _stateShape = system.Shape.Select(n => (long)n).ToArray();
        _network = new Network(system.Size, options.Hidden, options.LatentDim);
        _network.to(device.DType).to(device.Device);
    }

    /// <inheritdoc/>
    public int LatentDim { get; }

    /// <inheritdoc/>
    public nn.Module Module => _network;

    /// <inheritdoc/>
    public Tensor Encode(Tensor states)
    {
        if (!states.shape.Skip(1).SequenceEqual(_stateShape))
            throw new ArgumentException($"states must be [batch, {string.Join(", ", _stateShape)}], got [{string.Join(", ", states.shape)}]", nameof(states));
        return _network.Encode(states.flatten(1));
    }

    /// <inheritdoc/>
    public Tensor Decode(Tensor latents)
    {
        if (latents.dim() != 2 || latents.shape[1] != LatentDim)
            throw new ArgumentException($"latents must be [batch, {LatentDim}], got [{string.Join(", ", latents.shape)}]", nameof(latents));
        using var scope = NewDisposeScope();
        return _network.Decode(latents).reshape([latents.shape[0], .. _stateShape]).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public void Dispose() => _network.Dispose();

    private sealed class Network : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> encoder_hidden, encoder_output, decoder_hidden, decoder_output;

        public Network(int size, int hidden, int latentDim) : base(nameof(MyAutoencoder))
        {
            encoder_hidden = nn.Linear(size, hidden);
            encoder_output = nn.Linear(hidden, latentDim);
            decoder_hidden = nn.Linear(latentDim, hidden);
            decoder_output = nn.Linear(hidden, size);
            RegisterComponents();
        }

        public Tensor Encode(Tensor x)
        {
            using var scope = NewDisposeScope();
            return encoder_output.forward(encoder_hidden.forward(x).tanh()).MoveToOuterDisposeScope();
        }

        public Tensor Decode(Tensor z)
        {
            using var scope = NewDisposeScope();
            return decoder_output.forward(decoder_hidden.forward(z).tanh()).sigmoid().MoveToOuterDisposeScope();
        }

        public override Tensor forward(Tensor x) => Decode(Encode(x));
    }
}
