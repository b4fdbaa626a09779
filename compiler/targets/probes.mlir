// One application of every webnn op: the templates from which the `cpu` target profile
// is derived (compiler/targets/cpu.py). For each op, each operand's data type is varied
// over every WebNN data type and the op's own shape rule decides which are accepted, so
// the profile follows the dialect as it changes. Every optional operand is present, so
// that its data types are probed too. tests/test_targets.py checks that every op of the
// dialect has a template here.
builtin.module attributes {webnn.version = 2} {
  func.func @add(%0: tensor<2x3xf32>, %1: tensor<2x3xf32>) {
    %2 = webnn.add %0, %1 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @sub(%0: tensor<2x3xi32>, %1: tensor<2x1xi32>) {
    %2 = webnn.sub %0, %1 : (tensor<2x3xi32>, tensor<2x1xi32>) -> tensor<2x3xi32>
    func.return
  }
  func.func @mul(%0: tensor<1x4xf16>, %1: tensor<3x1xf16>) {
    %2 = webnn.mul %0, %1 : (tensor<1x4xf16>, tensor<3x1xf16>) -> tensor<3x4xf16>
    func.return
  }
  func.func @div(%0: tensor<2x3xi64>, %1: tensor<i64>) {
    %2 = webnn.div %0, %1 : (tensor<2x3xi64>, tensor<i64>) -> tensor<2x3xi64>
    func.return
  }
  func.func @max(%0: tensor<4x1xui32>, %1: tensor<5xui32>) {
    %2 = webnn.max %0, %1 : (tensor<4x1xui32>, tensor<5xui32>) -> tensor<4x5xui32>
    func.return
  }
  func.func @min(%0: tensor<2x3xi8>, %1: tensor<3xi8>) {
    %2 = webnn.min %0, %1 : (tensor<2x3xi8>, tensor<3xi8>) -> tensor<2x3xi8>
    func.return
  }
  func.func @pow(%0: tensor<2x3xf32>, %1: tensor<f32>) {
    %2 = webnn.pow %0, %1 : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @equal(%0: tensor<2x3xf32>, %1: tensor<2x3xf32>) {
    %2 = webnn.equal %0, %1 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xui8>
    func.return
  }
  func.func @notEqual(%0: tensor<2x3xi32>, %1: tensor<3xi32>) {
    %2 = webnn.notEqual %0, %1 : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xui8>
    func.return
  }
  func.func @greater(%0: tensor<4x1xf16>, %1: tensor<1x5xf16>) {
    %2 = webnn.greater %0, %1 : (tensor<4x1xf16>, tensor<1x5xf16>) -> tensor<4x5xui8>
    func.return
  }
  func.func @greaterOrEqual(%0: tensor<3xi64>, %1: tensor<i64>) {
    %2 = webnn.greaterOrEqual %0, %1 : (tensor<3xi64>, tensor<i64>) -> tensor<3xui8>
    func.return
  }
  func.func @lesser(%0: tensor<2x2xui8>, %1: tensor<2x2xui8>) {
    %2 = webnn.lesser %0, %1 : (tensor<2x2xui8>, tensor<2x2xui8>) -> tensor<2x2xui8>
    func.return
  }
  func.func @lesserOrEqual(%0: tensor<ui32>, %1: tensor<2x3xui32>) {
    %2 = webnn.lesserOrEqual %0, %1 : (tensor<ui32>, tensor<2x3xui32>) -> tensor<2x3xui8>
    func.return
  }
  func.func @logicalAnd(%0: tensor<2x3xui8>, %1: tensor<2x3xui8>) {
    %2 = webnn.logicalAnd %1, %1 : (tensor<2x3xui8>, tensor<2x3xui8>) -> tensor<2x3xui8>
    func.return
  }
  func.func @logicalOr(%0: tensor<2x3xui8>, %1: tensor<3xui8>) {
    %2 = webnn.logicalOr %0, %1 : (tensor<2x3xui8>, tensor<3xui8>) -> tensor<2x3xui8>
    func.return
  }
  func.func @logicalXor(%0: tensor<ui8>, %1: tensor<2x3xui8>) {
    %2 = webnn.logicalXor %0, %1 : (tensor<ui8>, tensor<2x3xui8>) -> tensor<2x3xui8>
    func.return
  }
  func.func @logicalNot(%0: tensor<2x3xui8>) {
    %1 = webnn.logicalNot %0 : (tensor<2x3xui8>) -> tensor<2x3xui8>
    func.return
  }
  func.func @isNaN(%0: tensor<2x3xf32>) {
    %1 = webnn.isNaN %0 : (tensor<2x3xf32>) -> tensor<2x3xui8>
    func.return
  }
  func.func @isInfinite(%0: tensor<4xf16>) {
    %1 = webnn.isInfinite %0 : (tensor<4xf16>) -> tensor<4xui8>
    func.return
  }
  func.func @abs(%0: tensor<2x3xf32>) {
    %1 = webnn.abs %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @ceil(%0: tensor<2x3xf32>) {
    %1 = webnn.ceil %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @cos(%0: tensor<4xf16>) {
    %1 = webnn.cos %0 : (tensor<4xf16>) -> tensor<4xf16>
    func.return
  }
  func.func @erf(%0: tensor<2x3xf32>) {
    %1 = webnn.erf %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @exp(%0: tensor<f32>) {
    %1 = webnn.exp %0 : (tensor<f32>) -> tensor<f32>
    func.return
  }
  func.func @floor(%0: tensor<4xf16>) {
    %1 = webnn.floor %0 : (tensor<4xf16>) -> tensor<4xf16>
    func.return
  }
  func.func @identity(%0: tensor<2x3xf32>) {
    %1 = webnn.identity %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @log(%0: tensor<2x3xf32>) {
    %1 = webnn.log %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @neg(%0: tensor<3xf16>) {
    %1 = webnn.neg %0 : (tensor<3xf16>) -> tensor<3xf16>
    func.return
  }
  func.func @reciprocal(%0: tensor<4xf16>) {
    %1 = webnn.reciprocal %0 : (tensor<4xf16>) -> tensor<4xf16>
    func.return
  }
  func.func @roundEven(%0: tensor<2x3xf32>) {
    %1 = webnn.roundEven %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @sign(%0: tensor<2x3xf32>) {
    %1 = webnn.sign %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @sin(%0: tensor<4xf16>) {
    %1 = webnn.sin %0 : (tensor<4xf16>) -> tensor<4xf16>
    func.return
  }
  func.func @sqrt(%0: tensor<2x3xf32>) {
    %1 = webnn.sqrt %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @tan(%0: tensor<f32>) {
    %1 = webnn.tan %0 : (tensor<f32>) -> tensor<f32>
    func.return
  }
  func.func @relu(%0: tensor<2x3xf32>) {
    %1 = webnn.relu %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @sigmoid(%0: tensor<2x3xf32>) {
    %1 = webnn.sigmoid %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @tanh(%0: tensor<4xf16>) {
    %1 = webnn.tanh %0 : (tensor<4xf16>) -> tensor<4xf16>
    func.return
  }
  func.func @clamp(%0: tensor<2x3xf32>) {
    %1 = webnn.clamp %0 {minValue = 0.0, maxValue = 6.0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @elu(%0: tensor<2x3xf32>) {
    %1 = webnn.elu %0 {alpha = 0.5} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @gelu(%0: tensor<2x3xf32>) {
    %1 = webnn.gelu %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @hardSigmoid(%0: tensor<2x3xf32>) {
    %1 = webnn.hardSigmoid %0 {alpha = 0.125, beta = -0.25} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @hardSwish(%0: tensor<2x3xf32>) {
    %1 = webnn.hardSwish %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @leakyRelu(%0: tensor<2x3xf32>) {
    %1 = webnn.leakyRelu %0 {alpha = 0.1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @linear(%0: tensor<2x3xf32>) {
    %1 = webnn.linear %0 {alpha = 2.0, beta = -1.0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @softplus(%0: tensor<2x3xf32>) {
    %1 = webnn.softplus %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @softsign(%0: tensor<2x3xf32>) {
    %1 = webnn.softsign %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @prelu(%0: tensor<2x3xf32>, %1: tensor<2x3xf32>) {
    %2 = webnn.prelu %1, %1 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @softmax(%0: tensor<2x10xf32>) {
    %1 = webnn.softmax %0 {axis = 1} : (tensor<2x10xf32>) -> tensor<2x10xf32>
    func.return
  }
  func.func @matmul(%0: tensor<2x3xf32>, %1: tensor<3x4xf32>) {
    %2 = webnn.matmul %0, %1 : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
    func.return
  }
  func.func @gemm(%0: tensor<3x2xf16>, %1: tensor<3x4xf16>, %2: tensor<f16>) {
    %3 = webnn.gemm %0, %1 {c = %2, alpha = 0.5, beta = -2.0, aTranspose = true, bTranspose = false} : (tensor<3x2xf16>, tensor<3x4xf16>, tensor<f16>) -> tensor<2x4xf16>
    func.return
  }
  func.func @conv2d(%0: tensor<1x3x8x8xf32>, %1: tensor<4x3x3x3xf32>, %2: tensor<4xf32>) {
    %3 = webnn.conv2d %0, %1 {bias = %2, padding = [1, 2, 0, 1], strides = [2, 1], dilations = [2, 1]} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x7xf32>
    func.return
  }
  func.func @convTranspose2d(%0: tensor<1x4x3x3xf32>, %1: tensor<4x2x3x3xf32>, %2: tensor<2xf32>) {
    %3 = webnn.convTranspose2d %0, %1 {bias = %2, strides = [2, 2], outputPadding = [1, 1]} : (tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>, tensor<2xf32>) -> tensor<1x2x8x8xf32>
    func.return
  }
  func.func @averagePool2d(%0: tensor<1x2x4x4xf32>) {
    %1 = webnn.averagePool2d %0 {windowDimensions = [4, 4], padding = [0, 0, 0, 0], strides = [1, 1], dilations = [1, 1], layout = "nchw", outputShapeRounding = "floor"} : (tensor<1x2x4x4xf32>) -> tensor<1x2x1x1xf32>
    func.return
  }
  func.func @l2Pool2d(%0: tensor<2x3x4x6xf32>) {
    %1 = webnn.l2Pool2d %0 {windowDimensions = [3, 3], padding = [1, 1, 0, 2]} : (tensor<2x3x4x6xf32>) -> tensor<2x3x4x6xf32>
    func.return
  }
  func.func @maxPool2d(%0: tensor<1x3x8x8xf32>) {
    %1 = webnn.maxPool2d %0 {windowDimensions = [3, 3], padding = [1, 1, 1, 1], strides = [2, 2], outputShapeRounding = "ceil", outputSizes = [3, 3]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
    func.return
  }
  func.func @batchNormalization(%0: tensor<1x8x8x4xf32>, %1: tensor<4xf32>, %2: tensor<4xf32>, %3: tensor<4xf32>, %4: tensor<4xf32>) {
    %5 = webnn.batchNormalization %0, %1, %2 {scale = %3, bias = %4, axis = 3, epsilon = 0.001} : (tensor<1x8x8x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x8x8x4xf32>
    func.return
  }
  func.func @instanceNormalization(%0: tensor<2x5x6x4xf16>, %1: tensor<4xf16>, %2: tensor<4xf16>) {
    %3 = webnn.instanceNormalization %0 {scale = %1, bias = %2, epsilon = 0.001, layout = "nhwc"} : (tensor<2x5x6x4xf16>, tensor<4xf16>, tensor<4xf16>) -> tensor<2x5x6x4xf16>
    func.return
  }
  func.func @layerNormalization(%0: tensor<2x3xf32>, %1: tensor<2x3xf32>, %2: tensor<2x3xf32>) {
    %3 = webnn.layerNormalization %0 {scale = %1, bias = %2, axes = [0, 1], epsilon = 0.5} : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @reduceL1(%0: tensor<2x3xf16>) {
    %1 = webnn.reduceL1 %0 {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    func.return
  }
  func.func @reduceL2(%0: tensor<2x3xf16>) {
    %1 = webnn.reduceL2 %0 {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    func.return
  }
  func.func @reduceLogSum(%0: tensor<2x3xf16>) {
    %1 = webnn.reduceLogSum %0 {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    func.return
  }
  func.func @reduceLogSumExp(%0: tensor<2x3xf16>) {
    %1 = webnn.reduceLogSumExp %0 {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    func.return
  }
  func.func @reduceMax(%0: tensor<2x3xf16>) {
    %1 = webnn.reduceMax %0 {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    func.return
  }
  func.func @reduceMean(%0: tensor<2x3x4xf32>) {
    %1 = webnn.reduceMean %0 {axes = [2, 0], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
    func.return
  }
  func.func @reduceMin(%0: tensor<2x3xui8>) {
    %1 = webnn.reduceMin %0 {axes = []} : (tensor<2x3xui8>) -> tensor<2x3xui8>
    func.return
  }
  func.func @reduceProduct(%0: tensor<2x3xf16>) {
    %1 = webnn.reduceProduct %0 {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    func.return
  }
  func.func @reduceSum(%0: tensor<2x3x4xf32>) {
    %1 = webnn.reduceSum %0 {keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<1x1x1xf32>
    func.return
  }
  func.func @reduceSumSquare(%0: tensor<2x3xf16>) {
    %1 = webnn.reduceSumSquare %0 {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    func.return
  }
  func.func @argMin(%0: tensor<2x3xf32>) {
    %1 = webnn.argMin %0 {axis = 0, keepDimensions = true, outputDataType = "int64"} : (tensor<2x3xf32>) -> tensor<1x3xi64>
    func.return
  }
  func.func @argMax(%0: tensor<5xui8>) {
    %1 = webnn.argMax %0 {axis = 0, outputDataType = "int32"} : (tensor<5xui8>) -> tensor<i32>
    func.return
  }
  func.func @cumulativeSum(%0: tensor<2x3xf32>) {
    %1 = webnn.cumulativeSum %0 {axis = 0, exclusive = true, reversed = true} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @reshape(%0: tensor<2x3xf32>) {
    %1 = webnn.reshape %0 {newShape = [3, 2]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
    func.return
  }
  func.func @transpose(%0: tensor<2x3x4xf32>) {
    %1 = webnn.transpose %0 {permutation = [0, 2, 1]} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
    func.return
  }
  func.func @concat(%0: tensor<2x3xf32>, %1: tensor<2x1xf32>, %2: tensor<2x3xf32>) {
    %3 = webnn.concat %2, %1, %2 {axis = 1} : (tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x3xf32>) -> tensor<2x7xf32>
    func.return
  }
  func.func @split(%0: tensor<2x4xf32>) {
    %1, %2 = webnn.split %0 {splits = 2, axis = 1} : (tensor<2x4xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>)
    func.return
  }
  func.func @slice(%0: tensor<2x5xf32>) {
    %1 = webnn.slice %0 {starts = [1, 0], sizes = [1, 5], strides = [1, 2]} : (tensor<2x5xf32>) -> tensor<1x3xf32>
    func.return
  }
  func.func @expand(%0: tensor<3x1xf32>) {
    %1 = webnn.expand %0 {newShape = [2, 3, 4]} : (tensor<3x1xf32>) -> tensor<2x3x4xf32>
    func.return
  }
  func.func @tile(%0: tensor<2x3x1xui32>) {
    %1 = webnn.tile %0 {repetitions = [2, 1, 3]} : (tensor<2x3x1xui32>) -> tensor<4x3x3xui32>
    func.return
  }
  func.func @pad(%0: tensor<2x3xf32>) {
    %1 = webnn.pad %0 {beginningPadding = [1, 2], endingPadding = [1, 2], mode = "constant", value = -1.5} : (tensor<2x3xf32>) -> tensor<4x7xf32>
    func.return
  }
  func.func @reverse(%0: tensor<2x3xf32>) {
    %1 = webnn.reverse %0 {axes = [1]} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @triangular(%0: tensor<2x3x3xf32>) {
    %1 = webnn.triangular %0 {upper = false, diagonal = -1} : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
    func.return
  }
  func.func @where(%0: tensor<2x3xui8>, %1: tensor<2x3xf32>, %2: tensor<2x3xf32>) {
    %3 = webnn.where %0, %1, %2 : (tensor<2x3xui8>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return
  }
  func.func @cast(%0: tensor<2x3xf32>) {
    %1 = webnn.cast %0 {dataType = "int32"} : (tensor<2x3xf32>) -> tensor<2x3xi32>
    func.return
  }
  func.func @resample2d(%0: tensor<4x4x1x1xf16>) {
    %1 = webnn.resample2d %0 {scales = [3.0, 3.0], sizes = [2, 2], axes = [0, 1]} : (tensor<4x4x1x1xf16>) -> tensor<2x2x1x1xf16>
    func.return
  }
  func.func @gather(%0: tensor<4x3xf32>, %1: tensor<2x2xi64>) {
    %2 = webnn.gather %0, %1 {axis = 1} : (tensor<4x3xf32>, tensor<2x2xi64>) -> tensor<4x2x2xf32>
    func.return
  }
  func.func @gatherElements(%0: tensor<4x3xf16>, %1: tensor<4x1xui32>) {
    %2 = webnn.gatherElements %0, %1 {axis = 1} : (tensor<4x3xf16>, tensor<4x1xui32>) -> tensor<4x1xf16>
    func.return
  }
  func.func @gatherND(%0: tensor<2x2x2xi8>, %1: tensor<3x1xi64>) {
    %2 = webnn.gatherND %0, %1 : (tensor<2x2x2xi8>, tensor<3x1xi64>) -> tensor<3x2x2xi8>
    func.return
  }
  func.func @scatterElements(%0: tensor<4x3xf32>, %1: tensor<4x1xi64>, %2: tensor<4x1xf32>) {
    %3 = webnn.scatterElements %0, %1, %2 {axis = 1} : (tensor<4x3xf32>, tensor<4x1xi64>, tensor<4x1xf32>) -> tensor<4x3xf32>
    func.return
  }
  func.func @scatterND(%0: tensor<8xf32>, %1: tensor<4x1xui32>, %2: tensor<4xf32>) {
    %3 = webnn.scatterND %0, %1, %2 : (tensor<8xf32>, tensor<4x1xui32>, tensor<4xf32>) -> tensor<8xf32>
    func.return
  }
  func.func @dequantizeLinear(%0: tensor<6x4xui8>, %1: tensor<1x1xf32>, %2: tensor<1x1xui8>) {
    %3 = webnn.dequantizeLinear %0, %1, %2 : (tensor<6x4xui8>, tensor<1x1xf32>, tensor<1x1xui8>) -> tensor<6x4xf32>
    func.return
  }
  func.func @quantizeLinear(%0: tensor<6x4xf32>, %1: tensor<1x4xf32>, %2: tensor<1x4xi8>) {
    %3 = webnn.quantizeLinear %0, %1, %2 : (tensor<6x4xf32>, tensor<1x4xf32>, tensor<1x4xi8>) -> tensor<6x4xi8>
    func.return
  }
  func.func @gru(%0: tensor<3x2x5xf16>, %1: tensor<2x12x5xf16>, %2: tensor<2x12x4xf16>, %3: tensor<2x12xf16>, %4: tensor<2x12xf16>, %5: tensor<2x2x4xf16>) {
    %6, %7 = webnn.gru %0, %1, %2 {bias = %3, recurrentBias = %4, initialHiddenState = %5, steps = 3, hiddenSize = 4, returnSequence = true, direction = "both"} : (tensor<3x2x5xf16>, tensor<2x12x5xf16>, tensor<2x12x4xf16>, tensor<2x12xf16>, tensor<2x12xf16>, tensor<2x2x4xf16>) -> (tensor<2x2x4xf16>, tensor<3x2x2x4xf16>)
    func.return
  }
  func.func @gruCell(%0: tensor<1x3xf32>, %1: tensor<12x3xf32>, %2: tensor<12x4xf32>, %3: tensor<1x4xf32>, %4: tensor<12xf32>, %5: tensor<12xf32>) {
    %6 = webnn.gruCell %0, %1, %2, %3 {bias = %5, recurrentBias = %5, hiddenSize = 4, resetAfter = false, layout = "rzn", activations = ["sigmoid", "relu"]} : (tensor<1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf32>, tensor<12xf32>, tensor<12xf32>) -> tensor<1x4xf32>
    func.return
  }
  func.func @lstm(%0: tensor<2x1x3xf32>, %1: tensor<2x16x3xf32>, %2: tensor<2x16x4xf32>, %3: tensor<2x16xf32>, %4: tensor<2x16xf32>, %5: tensor<2x12xf32>, %6: tensor<2x1x4xf32>, %7: tensor<2x1x4xf32>) {
    %8, %9, %10 = webnn.lstm %0, %1, %2 {bias = %4, recurrentBias = %4, peepholeWeight = %5, initialHiddenState = %7, initialCellState = %7, steps = 2, hiddenSize = 4, returnSequence = true, direction = "both", layout = "ifgo", activations = ["sigmoid", "relu", "tanh"]} : (tensor<2x1x3xf32>, tensor<2x16x3xf32>, tensor<2x16x4xf32>, tensor<2x16xf32>, tensor<2x16xf32>, tensor<2x12xf32>, tensor<2x1x4xf32>, tensor<2x1x4xf32>) -> (tensor<2x1x4xf32>, tensor<2x1x4xf32>, tensor<2x2x1x4xf32>)
    func.return
  }
  func.func @lstmCell(%0: tensor<2x3xf16>, %1: tensor<16x3xf16>, %2: tensor<16x4xf16>, %3: tensor<2x4xf16>, %4: tensor<2x4xf16>, %5: tensor<16xf16>, %6: tensor<16xf16>, %7: tensor<12xf16>) {
    %8, %9 = webnn.lstmCell %0, %1, %2, %3, %4 {bias = %6, recurrentBias = %6, peepholeWeight = %7, hiddenSize = 4, layout = "ifgo", activations = ["tanh", "tanh", "relu"]} : (tensor<2x3xf16>, tensor<16x3xf16>, tensor<16x4xf16>, tensor<2x4xf16>, tensor<2x4xf16>, tensor<16xf16>, tensor<16xf16>, tensor<12xf16>) -> (tensor<2x4xf16>, tensor<2x4xf16>)
    func.return
  }
}
