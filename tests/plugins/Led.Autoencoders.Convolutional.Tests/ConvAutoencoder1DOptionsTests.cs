using Led.Toolkit.Learning;
using System.ComponentModel.DataAnnotations;

namespace Led.Autoencoders.Convolutional.Tests;

public class ConvAutoencoder1DOptionsTests
{
    [Fact]
    public void Defaults_AreThePaperKsModel_AndValid()
    {
        var options = new ConvAutoencoder1DOptions();

        Assert.Equal(8, options.LatentDim);
        Assert.Equal([16, 32, 64, 8], options.Channels);
        Assert.Equal(5, options.Kernel);
        Assert.False(options.BatchNorm);
        Assert.False(options.Transpose);
        Assert.Equal(PoolingKind.Avg, options.Pooling);
        Assert.Equal(Activation.Celu, options.Activation);
        Assert.Null(options.Kernels);
        Assert.False(options.UsesMaxPooling);
        Assert.Empty(options.Errors());
    }

    [Theory]
    [InlineData(PoolingKind.Max, true)]
    [InlineData(PoolingKind.Avg, false)]
    public void Pooling_IsAvgOrMax(PoolingKind pooling, bool max)
    {
        var options = new ConvAutoencoder1DOptions { Pooling = pooling };

        Assert.Empty(options.Errors());
        Assert.Equal(max, options.UsesMaxPooling);
    }

    [Fact]
    public void Kernels_NeedOneOddKernelPerLayer()
    {
        Assert.Empty(new ConvAutoencoder1DOptions { Channels = [4, 4], Kernels = [3, 7] }.Errors());

        var count = Assert.Single(new ConvAutoencoder1DOptions { Channels = [4, 4, 4], Kernels = [3, 5] }.Errors());
        Assert.Equal([nameof(ConvAutoencoder1DOptions.Kernels)], count.MemberNames);
        Assert.Contains("Kernels lists 2 kernel sizes but Channels lists 3 layers", count.ErrorMessage);
        Assert.Contains("e.g. [5, 5, 5]", count.ErrorMessage);

        var even = Assert.Single(new ConvAutoencoder1DOptions { Channels = [4, 4], Kernels = [3, 4] }.Errors());
        Assert.Contains("Kernels[1] is 4", even.ErrorMessage);
        Assert.Contains("use e.g. 5", even.ErrorMessage);
        Assert.Single(new ConvAutoencoder1DOptions { Channels = [4, 4], Kernels = [0, 3] }.Errors());
    }

    [Fact]
    public void AnUndefinedActivation_IsAnErrorListingTheChoices()
    {
        var error = Assert.Single(new ConvAutoencoder1DOptions { Activation = (Activation)42 }.Errors());
        Assert.Equal([nameof(ConvAutoencoder1DOptions.Activation)], error.MemberNames);
        Assert.Contains("celu, relu, tanh, elu, selu, gelu, silu", error.ErrorMessage);
    }

    [Fact]
    public void EvenKernel_IsAnErrorNamingKernelAndAFix()
    {
        var error = Assert.Single(new ConvAutoencoder1DOptions { Kernel = 4 }.Errors());

        Assert.Equal([nameof(ConvAutoencoder1DOptions.Kernel)], error.MemberNames);
        Assert.Contains("Kernel (4) must be odd", error.ErrorMessage);
        Assert.Contains("use e.g. 5", error.ErrorMessage);
    }

    [Fact]
    public void UnknownPooling_IsAnErrorListingTheChoices()
    {
        var error = Assert.Single(new ConvAutoencoder1DOptions { Pooling = (PoolingKind)7 }.Errors());

        Assert.Equal([nameof(ConvAutoencoder1DOptions.Pooling)], error.MemberNames);
        Assert.Contains("Pooling 7", error.ErrorMessage);
        Assert.Contains("avg", error.ErrorMessage);
        Assert.Contains("max", error.ErrorMessage);
    }

    [Fact]
    public void EmptyOrNonPositiveChannels_AreErrors()
    {
        var empty = Assert.Single(new ConvAutoencoder1DOptions { Channels = [] }.Errors());
        Assert.Contains("Channels", empty.ErrorMessage);

        var zero = Assert.Single(new ConvAutoencoder1DOptions { Channels = [16, 0, 8] }.Errors());
        Assert.Contains("Channels[1] is 0", zero.ErrorMessage);

        var tooMany = Assert.Single(new ConvAutoencoder1DOptions { Channels = [.. Enumerable.Repeat(2, 17)] }.Errors());
        Assert.Contains("17 layers", tooMany.ErrorMessage);
    }

    [Fact]
    public void AttributeAndRuleErrors_AreReportedTogether()
    {
        var options = new ConvAutoencoder1DOptions { LatentDim = 0, Kernel = 6, Pooling = (PoolingKind)9 };

        IReadOnlyList<ValidationResult> errors = options.Errors();

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("LatentDim must be a positive integer"));
        var thrown = Assert.Throws<ArgumentException>(options.ThrowIfInvalid);
        Assert.Contains("LatentDim", thrown.Message);
        Assert.Contains("Kernel (6)", thrown.Message);
        Assert.Contains("Pooling 9", thrown.Message);
    }
}
