// RUN: webnn-opt %s | webnn-opt | FileCheck %s
// RUN: webnn-opt %s --print-op-generic | webnn-opt | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // Per-tensor, per-axis and block-wise scales.
  // CHECK-LABEL: func.func @dequantize
  // CHECK: webnn.dequantizeLinear %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} : (tensor<6x4xui8>, tensor<1x1xf32>, tensor<1x1xui8>) -> tensor<6x4xf32>
  // CHECK: webnn.dequantizeLinear %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} : (tensor<6x4xi8>, tensor<6x1xf16>, tensor<6x1xi8>) -> tensor<6x4xf16>
  // CHECK: webnn.dequantizeLinear %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} : (tensor<6x4xi32>, tensor<3x2xf32>, tensor<3x2xi32>) -> tensor<6x4xf32>
  // CHECK: webnn.dequantizeLinear %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} : (tensor<6x4xui32>, tensor<6x4xf32>, tensor<6x4xui32>) -> tensor<6x4xf32>
  // CHECK: webnn.dequantizeLinear %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} : (tensor<ui8>, tensor<f32>, tensor<ui8>) -> tensor<f32>
  func.func @dequantize(%a: tensor<6x4xui8>, %sa: tensor<1x1xf32>, %za: tensor<1x1xui8>,
                        %b: tensor<6x4xi8>, %sb: tensor<6x1xf16>, %zb: tensor<6x1xi8>,
                        %c: tensor<6x4xi32>, %sc: tensor<3x2xf32>, %zc: tensor<3x2xi32>,
                        %d: tensor<6x4xui32>, %sd: tensor<6x4xf32>, %zd: tensor<6x4xui32>,
                        %e: tensor<ui8>, %se: tensor<f32>, %ze: tensor<ui8>) -> tensor<6x4xf32> {
    %0 = webnn.dequantizeLinear %a, %sa, %za : (tensor<6x4xui8>, tensor<1x1xf32>, tensor<1x1xui8>) -> tensor<6x4xf32>
    %1 = webnn.dequantizeLinear %b, %sb, %zb : (tensor<6x4xi8>, tensor<6x1xf16>, tensor<6x1xi8>) -> tensor<6x4xf16>
    %2 = webnn.dequantizeLinear %c, %sc, %zc : (tensor<6x4xi32>, tensor<3x2xf32>, tensor<3x2xi32>) -> tensor<6x4xf32>
    %3 = webnn.dequantizeLinear %d, %sd, %zd : (tensor<6x4xui32>, tensor<6x4xf32>, tensor<6x4xui32>) -> tensor<6x4xf32>
    %4 = webnn.dequantizeLinear %e, %se, %ze : (tensor<ui8>, tensor<f32>, tensor<ui8>) -> tensor<f32>
    func.return %0 : tensor<6x4xf32>
  }

  // CHECK-LABEL: func.func @quantize
  // CHECK: webnn.quantizeLinear %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} : (tensor<6x4xf32>, tensor<1x4xf32>, tensor<1x4xi8>) -> tensor<6x4xi8>
  // CHECK: webnn.quantizeLinear %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} : (tensor<6x4xf16>, tensor<2x2xf16>, tensor<2x2xui8>) -> tensor<6x4xui8>
  // CHECK: webnn.quantizeLinear %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} : (tensor<6x4xf32>, tensor<1x1xf32>, tensor<1x1xi32>) -> tensor<6x4xi32>
  // CHECK: webnn.quantizeLinear %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} : (tensor<6x4xf32>, tensor<1x1xf32>, tensor<1x1xui32>) -> tensor<6x4xui32>
  func.func @quantize(%x: tensor<6x4xf32>, %s: tensor<1x4xf32>, %z: tensor<1x4xi8>,
                      %h: tensor<6x4xf16>, %sh: tensor<2x2xf16>, %zh: tensor<2x2xui8>,
                      %s1: tensor<1x1xf32>, %z1: tensor<1x1xi32>, %z2: tensor<1x1xui32>) -> tensor<6x4xi8> {
    %0 = webnn.quantizeLinear %x, %s, %z : (tensor<6x4xf32>, tensor<1x4xf32>, tensor<1x4xi8>) -> tensor<6x4xi8>
    %1 = webnn.quantizeLinear %h, %sh, %zh : (tensor<6x4xf16>, tensor<2x2xf16>, tensor<2x2xui8>) -> tensor<6x4xui8>
    %2 = webnn.quantizeLinear %x, %s1, %z1 : (tensor<6x4xf32>, tensor<1x1xf32>, tensor<1x1xi32>) -> tensor<6x4xi32>
    %3 = webnn.quantizeLinear %x, %s1, %z2 : (tensor<6x4xf32>, tensor<1x1xf32>, tensor<1x1xui32>) -> tensor<6x4xui32>
    func.return %0 : tensor<6x4xi8>
  }
}
