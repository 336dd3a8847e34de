# Bad URLs: InvalidSchema, MissingSchema, InvalidURL, and the exception hierarchy.
import time
import requests.exceptions
import requests

for url in ('python://example.com', "mailto:o'neil@x", 'example.com',
            'https://', 'ftp://x', 'HTTP://', 'http:/x', 'https://h:p/', 'noscheme/path', 42):
    try:
        requests.get(url)
    except requests.exceptions.RequestException as e:
        print(type(e).__name__, e, e.response, e.request)
e = requests.exceptions.InvalidSchema('x')
print(requests.exceptions.InvalidSchema is requests.InvalidSchema,
      isinstance(e, ValueError), isinstance(e, OSError), isinstance(e, IOError),
      issubclass(requests.ReadTimeout, requests.Timeout),
      issubclass(requests.ConnectTimeout, requests.ConnectionError),
      issubclass(requests.ConnectTimeout, requests.Timeout),
      issubclass(requests.ConnectionError, ConnectionError),
      time.monotonic())
print(requests.exceptions.ConnectTimeout.__mro__)
print(requests.exceptions.MissingSchema.__mro__)
print(requests.exceptions.HTTPError, requests.exceptions.RequestException.__module__)
for make in (lambda: requests.HTTPError('x', foo=1), lambda: requests.exceptions.ReadTimeout('y'),
             lambda: requests.HTTPError(), lambda: requests.RequestException('a', request=3)):
    try:
        e = make()
        print(repr(e), str(e), e.args, e.response, e.request)
    except TypeError as e:
        print('TypeError', e)
