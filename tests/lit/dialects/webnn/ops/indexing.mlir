// RUN: webnn-opt %s | webnn-opt | FileCheck %s
// RUN: webnn-opt %s --print-op-generic | webnn-opt | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // CHECK-LABEL: func.func @gather
  // CHECK: webnn.gather %{{[^ ]+}}, %{{[^ ]+}} : (tensor<4x3xf32>, tensor<2xui32>) -> tensor<2x3xf32>
  // CHECK: webnn.gather %{{[^ ]+}}, %{{[^ ]+}} {axis = 1} : (tensor<4x3xf32>, tensor<2x2xi64>) -> tensor<4x2x2xf32>
  // CHECK: webnn.gather %{{[^ ]+}}, %{{[^ ]+}} {axis = 0} : (tensor<4x3xf32>, tensor<i32>) -> tensor<3xf32>
  func.func @gather(%x: tensor<4x3xf32>, %i: tensor<2xui32>, %j: tensor<2x2xi64>, %k: tensor<i32>) -> tensor<2x3xf32> {
    %0 = webnn.gather %x, %i : (tensor<4x3xf32>, tensor<2xui32>) -> tensor<2x3xf32>
    %1 = webnn.gather %x, %j {axis = 1} : (tensor<4x3xf32>, tensor<2x2xi64>) -> tensor<4x2x2xf32>
    %2 = webnn.gather %x, %k {axis = 0} : (tensor<4x3xf32>, tensor<i32>) -> tensor<3xf32>
    func.return %0 : tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @gather_elements
  // CHECK: webnn.gatherElements %{{[^ ]+}}, %{{[^ ]+}} : (tensor<4x3xf16>, tensor<2x3xi32>) -> tensor<2x3xf16>
  // CHECK: webnn.gatherElements %{{[^ ]+}}, %{{[^ ]+}} {axis = 1} : (tensor<4x3xf16>, tensor<4x1xui32>) -> tensor<4x1xf16>
  func.func @gather_elements(%x: tensor<4x3xf16>, %i: tensor<2x3xi32>, %j: tensor<4x1xui32>) -> tensor<2x3xf16> {
    %0 = webnn.gatherElements %x, %i : (tensor<4x3xf16>, tensor<2x3xi32>) -> tensor<2x3xf16>
    %1 = webnn.gatherElements %x, %j {axis = 1} : (tensor<4x3xf16>, tensor<4x1xui32>) -> tensor<4x1xf16>
    func.return %0 : tensor<2x3xf16>
  }

  // CHECK-LABEL: func.func @gather_nd
  // CHECK: webnn.gatherND %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x2x2xi8>, tensor<3x1xi64>) -> tensor<3x2x2xi8>
  // CHECK: webnn.gatherND %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x2x2xi8>, tensor<5x3xi64>) -> tensor<5xi8>
  // CHECK: webnn.gatherND %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x2x2xi8>, tensor<2xi32>) -> tensor<2xi8>
  func.func @gather_nd(%x: tensor<2x2x2xi8>, %i: tensor<3x1xi64>, %j: tensor<5x3xi64>, %k: tensor<2xi32>) -> tensor<3x2x2xi8> {
    %0 = webnn.gatherND %x, %i : (tensor<2x2x2xi8>, tensor<3x1xi64>) -> tensor<3x2x2xi8>
    %1 = webnn.gatherND %x, %j : (tensor<2x2x2xi8>, tensor<5x3xi64>) -> tensor<5xi8>
    %2 = webnn.gatherND %x, %k : (tensor<2x2x2xi8>, tensor<2xi32>) -> tensor<2xi8>
    func.return %0 : tensor<3x2x2xi8>
  }

  // CHECK-LABEL: func.func @scatter_elements
  // CHECK: webnn.scatterElements %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} : (tensor<4x3xf32>, tensor<2x3xi32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK: webnn.scatterElements %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {axis = 1} : (tensor<4x3xf32>, tensor<4x1xi64>, tensor<4x1xf32>) -> tensor<4x3xf32>
  func.func @scatter_elements(%x: tensor<4x3xf32>, %i: tensor<2x3xi32>, %u: tensor<2x3xf32>, %j: tensor<4x1xi64>, %v: tensor<4x1xf32>) -> tensor<4x3xf32> {
    %0 = webnn.scatterElements %x, %i, %u : (tensor<4x3xf32>, tensor<2x3xi32>, tensor<2x3xf32>) -> tensor<4x3xf32>
    %1 = webnn.scatterElements %x, %j, %v {axis = 1} : (tensor<4x3xf32>, tensor<4x1xi64>, tensor<4x1xf32>) -> tensor<4x3xf32>
    func.return %0 : tensor<4x3xf32>
  }

  // CHECK-LABEL: func.func @scatter_nd
  // CHECK: webnn.scatterND %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} : (tensor<8xf32>, tensor<4x1xui32>, tensor<4xf32>) -> tensor<8xf32>
  // CHECK: webnn.scatterND %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} : (tensor<3x2xi32>, tensor<2x1xi64>, tensor<2x2xi32>) -> tensor<3x2xi32>
  // CHECK: webnn.scatterND %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} : (tensor<3x2xi32>, tensor<2xi64>, tensor<i32>) -> tensor<3x2xi32>
  func.func @scatter_nd(%x: tensor<8xf32>, %i: tensor<4x1xui32>, %u: tensor<4xf32>, %y: tensor<3x2xi32>, %j: tensor<2x1xi64>, %v: tensor<2x2xi32>, %k: tensor<2xi64>, %w: tensor<i32>) -> tensor<8xf32> {
    %0 = webnn.scatterND %x, %i, %u : (tensor<8xf32>, tensor<4x1xui32>, tensor<4xf32>) -> tensor<8xf32>
    %1 = webnn.scatterND %y, %j, %v : (tensor<3x2xi32>, tensor<2x1xi64>, tensor<2x2xi32>) -> tensor<3x2xi32>
    %2 = webnn.scatterND %y, %k, %w : (tensor<3x2xi32>, tensor<2xi64>, tensor<i32>) -> tensor<3x2xi32>
    func.return %0 : tensor<8xf32>
  }
}
