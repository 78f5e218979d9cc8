# overrides: ch02-ex6-digits
# why: 모델을 만들고 compile까지 한 뒤 fit을 빠뜨리고 예측했다: 무작위 가중치의 예측이라 정확도가 우연 수준이다.
def fit_and_predict(x_train, y_train, x_test):
    model = keras.Sequential([keras.Input(shape=(x_train.shape[1],)), keras.layers.Dense(10)])
    model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    return np.argmax(model.predict(x_test, verbose=0), axis=1)
