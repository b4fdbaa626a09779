// RUN: webnn-opt %s -p 'convert-webnn-to-linalg,fuse-elementwise,bufferize,interchange-for-vectorization,collapse-dimensions,parallelize{target=avx2}' | FileCheck %s --check-prefix=AVX2
// RUN: webnn-opt %s -p 'convert-webnn-to-linalg,fuse-elementwise,bufferize,interchange-for-vectorization,collapse-dimensions,parallelize{target=avx512}' | FileCheck %s --check-prefix=AVX512
// RUN: not webnn-opt %s -p 'parallelize{target=sse}' 2>&1 | FileCheck %s --check-prefix=BAD

// A contraction is split in whole register blocks of the kernel vectorize-contractions
// will emit for the target: with AVX2 the 1x1 convolution's blocks are 4 output channels,
// 8 blocks of its 32, and its channels are split in granules of 4. The depthwise
// convolution after it (split along its channels, which its kernel does not block)
// takes the same granule: each thread reads the channels it wrote, no barrier.
// AVX2: func.func @step_0({{.*}}) attributes {webnn.work = 4587520 : i64, webnn.parallel_dim = 0 : i64, webnn.parallel_extent = 32 : i64, webnn.parallel_granule = 4 : i64}
// AVX2: func.func @step_1({{.*}}) attributes {webnn.work = 2490368 : i64, webnn.parallel_dim = 0 : i64, webnn.parallel_extent = 32 : i64, webnn.parallel_granule = 4 : i64}
// AVX2: func.func @main

// With AVX-512 the blocks are larger: the 32 channels make only 2, so the image rows
// (outside the blocks, any granule) are split; the depthwise convolution then needs
// every thread's rows and waits at a barrier.
// AVX512: func.func @step_0({{.*}}) attributes {webnn.work = 4587520 : i64, webnn.parallel_dim = 1 : i64, webnn.parallel_extent = 64 : i64}
// AVX512: func.func @step_1({{.*}}) attributes {webnn.work = 2490368 : i64, webnn.parallel_dim = 0 : i64, webnn.parallel_extent = 32 : i64, webnn.barrier}

// BAD: webnn-opt: error: invalid pass pipeline 'parallelize{target=sse}': unknown vector target 'sse'; expected host or avx512, avx2, neon

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<1x16x64x64xf32> {webnn.name = "x"}) -> (tensor<1x32x64x64xf32> {webnn.name = "y"}) {
    %w = webnn.constant dense<0.5> : tensor<32x16x1x1xf32>
    %d = webnn.constant dense<0.25> : tensor<32x1x3x3xf32>
    %0 = webnn.conv2d %x, %w : (tensor<1x16x64x64xf32>, tensor<32x16x1x1xf32>) -> tensor<1x32x64x64xf32>
    %1 = webnn.relu %0 : (tensor<1x32x64x64xf32>) -> tensor<1x32x64x64xf32>
    %2 = webnn.conv2d %1, %d {groups = 32, padding = [1, 1, 1, 1]} : (tensor<1x32x64x64xf32>, tensor<32x1x3x3xf32>) -> tensor<1x32x64x64xf32>
    func.return %2 : tensor<1x32x64x64xf32>
  }
}
