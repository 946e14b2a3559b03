import helpers

helpers.start()
