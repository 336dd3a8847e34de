"""requests.exceptions, simulated: the classes (and hierarchy) of the real
requests/exceptions.py that the simulated requests.get can raise, plus their
common bases. docs/world.md."""


class RequestException(IOError):
    """There was an ambiguous exception that occurred while handling your
    request."""

    def __init__(self, *args, **kwargs):
        response = kwargs.pop('response', None)
        self.response = response
        self.request = kwargs.pop('request', None)
        if (response is not None and not self.request
                and hasattr(response, 'request')):
            self.request = self.response.request
        super().__init__(*args, **kwargs)


class HTTPError(RequestException):
    """An HTTP error occurred (Response.raise_for_status)."""


class ConnectionError(RequestException):
    """A Connection error occurred."""


class Timeout(RequestException):
    """The request timed out."""


class ConnectTimeout(ConnectionError, Timeout):
    """The request timed out while trying to connect to the remote server."""


class ReadTimeout(Timeout):
    """The server did not send any data in the allotted amount of time."""


class MissingSchema(RequestException, ValueError):
    """The URL scheme (e.g. http or https) is missing."""


class InvalidSchema(RequestException, ValueError):
    """The URL scheme provided is either invalid or unsupported."""


class InvalidURL(RequestException, ValueError):
    """The URL provided was somehow invalid."""
